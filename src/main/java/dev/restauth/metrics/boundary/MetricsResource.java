package dev.restauth.metrics.boundary;

import dev.restauth.metrics.control.PrometheusMeters;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Prometheus's scrape target, behind our own mechanism like any resource: a scraper authenticates
 * as a user with the {@code metrics} role, usually with a non-expiring API token (docs/operations.md).
 * Admins may read it too.
 */
@Path("metrics")
@RolesAllowed({Roles.METRICS, Roles.ADMIN})
@Tag(name = "Operations")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
public class MetricsResource {

    /** Prometheus's text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    PrometheusMeters meters;

    @GET
    @Produces(PROMETHEUS_TEXT)
    @Operation(
            summary = "Prometheus metrics",
            description = "For users with the `metrics` or `admin` role; metric names in docs/operations.md.")
    @APIResponse(
            responseCode = "200",
            description = "Every meter in Prometheus's text format",
            content =
                    @Content(
                            mediaType = PROMETHEUS_TEXT,
                            schema = @Schema(implementation = String.class),
                            example = "restauth_token_checks_total{outcome=\"accepted\",scheme=\"bearer\"} 1042.0"))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public String scrape() {
        return meters.scrape();
    }
}
