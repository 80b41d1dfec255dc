package dev.restauth.errors.entity;

import java.util.Map;

/**
 * An error decided before JAX-RS runs (by the authentication mechanism), left on the request for
 * whichever part of the server writes the response: its body and headers, DRF-shaped.
 */
public interface PendingError {

    String ATTRIBUTE = PendingError.class.getName();

    int status();

    ErrorBody body();

    /** Headers the response must carry, such as WWW-Authenticate or Retry-After. */
    Map<String, String> headers();
}
