package dev.restauth.users.entity;

import java.util.List;

/** {@code PATCH /api/users/{username}/}: the fields to change; absent fields stay as they are. */
public record UserChanges(List<String> roles, Boolean active) {}
