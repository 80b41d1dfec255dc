package dev.restauth.sessions.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * The answer to a sign-in or a refresh: who, and until when each cookie's token lives
 * (dj-rest-auth's JWT_AUTH_RETURN_EXPIRATION names). Never a token: those are in the cookies.
 * A refresh without rotation keeps the refresh token, so its expiration is absent then.
 */
@JsonbPropertyOrder({"username", "access_expiration", "refresh_expiration"})
public record SignedIn(
        String username,
        @JsonbProperty("access_expiration") Instant accessExpiration,
        @JsonbProperty("refresh_expiration") Instant refreshExpiration) {}
