package dev.restauth.platform.boundary;

import dev.restauth.platform.control.CorsPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS as django-cors-headers does it, ahead of everything else in the application (first in
 * WEB-INF/web.xml). A preflight ({@code OPTIONS} with {@code Origin} and {@code
 * Access-Control-Request-Method}) is answered here, 200 and empty, before JAX-RS and therefore
 * before any authentication rule: it carries no credentials, so the mechanism, which Liberty runs
 * before filters, has let it through. Every other request goes on with the CORS headers already
 * set, so that the 401s and 403s a browser app must read carry them too; a plain {@code OPTIONS}
 * without preflight headers is an ordinary request. With no origin configured this does nothing.
 */
public class CorsFilter extends HttpFilter {

    @Inject
    CorsPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!policy.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        // Whether the answer carries CORS headers depends on Origin: caches must keep them apart.
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && origin != null
                && request.getHeader("Access-Control-Request-Method") != null;
        policy.headersFor(origin, preflight).ifPresent(headers -> headers.forEach(response::setHeader));
        if (preflight) {
            // Refused origins get the same empty 200, without CORS headers: the browser then stops.
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentLength(0);
            return;
        }
        chain.doFilter(request, response);
    }
}
