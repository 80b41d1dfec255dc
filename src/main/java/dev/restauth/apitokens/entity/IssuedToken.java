package dev.restauth.apitokens.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one response that carries a key: at creation. */
public record IssuedToken(
        long id, String name, String token, Instant created, @JsonbNillable @Schema(nullable = true) Instant expires) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + ", token=***]";
    }
}
