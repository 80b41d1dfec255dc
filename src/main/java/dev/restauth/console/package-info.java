/**
 * The web console's delivery: its static files (src/main/webapp/console, plain HTML, CSS and
 * JavaScript modules, no build step) served with the security headers a page that handles
 * credentials needs. The console has no backend of its own: every page calls the public API,
 * signed in through the sessions component's cookies.
 *
 * <p>A servlet of its own, because the JAX-RS application serves the whole context root (so that
 * every unknown path is answered in JSON) and so hides the container's static file handling.
 */
package dev.restauth.console;
