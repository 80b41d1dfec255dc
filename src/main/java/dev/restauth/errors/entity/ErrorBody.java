package dev.restauth.errors.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * DRF's error body: {@code {"detail": "..."}}, and SimpleJWT's richer form with a machine code and
 * per-token-class messages ({@code {"detail", "code", "messages"}}). Absent parts are omitted.
 */
public record ErrorBody(String detail, String code, List<TokenMessage> messages) {

    /** One entry of SimpleJWT's {@code messages}: why a token class rejected the token. */
    public record TokenMessage(
            @JsonbProperty("token_class") String tokenClass,
            @JsonbProperty("token_type") String tokenType,
            String message) {}

    public ErrorBody(String detail) {
        this(detail, null, null);
    }

    public ErrorBody(String detail, String code) {
        this(detail, code, null);
    }

    /** For the paths that write the response themselves (servlet error pages, the mechanism). */
    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("detail", detail);
        if (code != null) {
            json.add("code", code);
        }
        if (messages != null) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            messages.forEach(m -> list.add(Json.createObjectBuilder()
                    .add("token_class", m.tokenClass())
                    .add("token_type", m.tokenType())
                    .add("message", m.message())));
            json.add("messages", list);
        }
        return json.build().toString();
    }
}
