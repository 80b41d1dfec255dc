package dev.restauth.errors.entity;

import jakarta.json.Json;

/** DRF's error body for a single message: {@code {"detail": "..."}}. */
public record ErrorBody(String detail) {

    /** For the paths that write the response themselves (servlet error pages, the mechanism). */
    public String toJson() {
        return Json.createObjectBuilder().add("detail", detail).build().toString();
    }
}
