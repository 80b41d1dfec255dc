package dev.restauth.jwt.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** SimpleJWT's answer to a login or a refresh; {@code refresh} is absent without rotation. */
@JsonbPropertyOrder({"refresh", "access"})
public record TokenPair(String refresh, String access) {

    @Override
    public String toString() {
        return "TokenPair[***]";
    }
}
