package dev.restauth.apitokens.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token as its owner sees it in a list: never the key, never the digest. */
public record TokenView(
        long id,
        String name,
        Instant created,
        @JsonbNillable @Schema(nullable = true) Instant expires,
        @JsonbNillable @JsonbProperty("last_used") @Schema(nullable = true) Instant lastUsed) {

    public static TokenView of(ApiToken token) {
        return new TokenView(token.id(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt());
    }
}
