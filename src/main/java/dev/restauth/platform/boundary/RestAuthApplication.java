package dev.restauth.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Serves the whole context root, so that every path, including unknown ones, is answered by
 * JAX-RS and therefore in JSON (DRF's URLs live under /api/ and /.well-known/).
 */
@ApplicationPath("/")
public class RestAuthApplication extends Application {}
