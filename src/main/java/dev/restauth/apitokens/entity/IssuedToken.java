package dev.restauth.apitokens.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** The one response that carries a key: at creation. */
public record IssuedToken(long id, String name, String token, Instant created, @JsonbNillable Instant expires) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", name=" + name + ", token=***]";
    }
}
