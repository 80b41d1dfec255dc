/**
 * Users, their roles and password hashes: the identity every scheme resolves to, and the one place
 * a password is checked, throttled and audited ({@link dev.restauth.users.control.UserIdentityStore}).
 * Whatever ends a user's sessions raises their watermark here and fires {@link
 * dev.restauth.users.entity.TokensRevoked}, so that the token components above react without users
 * knowing them; role names live here too, because a role is a property of a user.
 */
package dev.restauth.users;
