package dev.restauth.platform.control;

/**
 * Fired once the schema migrations have run. Startup work that needs the database (the admin
 * bootstrap, signing keys) observes this instead of application start, which may come first.
 */
public record SchemaReady() {}
