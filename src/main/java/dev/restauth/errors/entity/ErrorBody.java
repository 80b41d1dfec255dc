package dev.restauth.errors.entity;

import java.util.List;

/**
 * DRF's error body: {@code {"detail": "..."}}, and SimpleJWT's richer form with a machine code and
 * per-token-class messages ({@code {"detail", "code", "messages"}}). Absent parts are omitted.
 */
public record ErrorBody(String detail, String code, List<TokenMessage> messages) {

    /** One entry of SimpleJWT's {@code messages}: why a token class rejected the token. */
    public record TokenMessage(String tokenClass, String tokenType, String message) {}

    public ErrorBody(String detail) {
        this(detail, null, null);
    }

    public ErrorBody(String detail, String code) {
        this(detail, code, null);
    }
}
