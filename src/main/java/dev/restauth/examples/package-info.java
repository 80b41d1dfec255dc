/**
 * Example resources that show, and let the tests and the benchmark exercise, each access rule:
 * public, any authenticated caller, a role.
 */
package dev.restauth.examples;
