/**
 * Users, their roles and password hashes: the identity every authentication scheme resolves to.
 */
package dev.restauth.users;
