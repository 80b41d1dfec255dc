/**
 * Login throttling: failed password checks are counted per username and per client address in
 * token buckets that live in PostgreSQL (Bucket4j), so that every node counts the same failures;
 * an empty bucket answers DRF's 429 with {@code Retry-After}. Buckets refill by themselves, so an
 * attacker can slow a user down but never lock them out for good (NIST 800-63B, ASVS 6.3.1). It
 * sits below users, whose identity store calls it on every password check.
 */
package dev.restauth.throttling;
