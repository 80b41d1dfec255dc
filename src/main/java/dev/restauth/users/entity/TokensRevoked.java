package dev.restauth.users.entity;

/**
 * Fired when every token of a user must die (password change, deactivation, logout-all, removal)
 * after the user's watermark was raised; the token components drop what they keep of them.
 */
public record TokensRevoked(long userId) {}
