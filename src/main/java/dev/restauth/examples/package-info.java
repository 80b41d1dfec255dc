/**
 * Example resources that show, and let the tests and the benchmark exercise, each access rule:
 * public, any authenticated caller, a role, and a resource's own schemes (an endpoint for CI that
 * takes only Token, a public one that greets only Token callers by name).
 */
package dev.restauth.examples;
