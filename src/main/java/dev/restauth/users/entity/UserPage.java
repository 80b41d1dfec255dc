package dev.restauth.users.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of users, in DRF's LimitOffsetPagination shape: links are absolute, null at the ends. */
@JsonbPropertyOrder({"count", "next", "previous", "results"})
public record UserPage(
        long count,
        @JsonbNillable @Schema(nullable = true) String next,
        @JsonbNillable @Schema(nullable = true) String previous,
        List<UserView> results) {}
