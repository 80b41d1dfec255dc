/**
 * The one error format: DRF's {@code {"detail": "..."}} body, with DRF's messages, for every
 * failure, whoever detects it. JAX-RS exceptions go through the mappers here; errors the servlet
 * container raises itself (before or outside JAX-RS) go through {@link
 * dev.restauth.errors.boundary.ErrorPageServlet}. Both build the body from {@link
 * dev.restauth.errors.entity.ErrorBody}, so no client ever sees HTML or a stack trace.
 */
package dev.restauth.errors;
