/**
 * The one error path: control code throws {@link dev.restauth.errors.control.ApiError} (a status,
 * DRF's body, its headers), and {@link dev.restauth.errors.boundary.ErrorWriter} renders it for
 * whoever catches it: the JAX-RS mappers, the authentication mechanism, the servlet error page and
 * the request-body limit. It sits at the bottom because every component raises errors and none
 * may need anything above it to do so; it is also the one place that decides an unreachable
 * database is a 503 and what every Retry-After says.
 */
package dev.restauth.errors;
