package dev.restauth.users.entity;

/** Fired whenever a user's row changes or goes, so that copies of it (the status cache) are dropped. */
public record UserChanged(long userId) {}
