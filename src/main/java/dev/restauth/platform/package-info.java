/**
 * What every component stands on: the JAX-RS application, request bodies (size limit, forms and
 * empty bodies read into request records), schema migrations, health, the clock and the client
 * address.
 *
 * <p>Flyway migrates the schema when the application starts, before anything else touches the
 * database; Hibernate only maps it. If PostgreSQL is unreachable at that moment the application
 * still starts, reports not-ready, and retries until the migrations have run, so that a database
 * that comes up late never leaves a half-started server behind.
 */
package dev.restauth.platform;
