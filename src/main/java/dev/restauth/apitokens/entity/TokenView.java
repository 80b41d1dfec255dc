package dev.restauth.apitokens.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** A token as its owner sees it in a list: never the key, never the digest. */
public record TokenView(
        long id,
        String name,
        Instant created,
        @JsonbNillable Instant expires,
        @JsonbNillable @JsonbProperty("last_used") Instant lastUsed) {

    public static TokenView of(ApiToken token) {
        return new TokenView(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
    }
}
