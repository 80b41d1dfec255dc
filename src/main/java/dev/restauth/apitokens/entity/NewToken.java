package dev.restauth.apitokens.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * {@code POST /api/auth-tokens/}: a named personal token, expiring after an ISO-8601 duration
 * ({@code "P30D"}), {@code "never"}, or by default after {@code apitokens.default-lifetime}.
 */
public record NewToken(String name, @JsonbProperty("expires_in") String expiresIn) {}
