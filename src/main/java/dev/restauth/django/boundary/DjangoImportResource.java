package dev.restauth.django.boundary;

import dev.restauth.django.control.DjangoImport;
import dev.restauth.django.entity.ImportReport;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/users/import}: a Django {@code dumpdata} file in, a report out. The body is a
 * stream, never a record: dumps are large, and the control spools them to disk.
 */
@Path("api/users/import")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearerAuth")
@SecurityRequirement(name = "tokenAuth")
@SecurityRequirement(name = "basicAuth")
public class DjangoImportResource {

    /** DRF's BooleanField spellings. */
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "y", "t");

    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "n", "f");

    @Inject
    DjangoImport imports;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary = "Import a Django `dumpdata` file: users, groups, DRF keys",
            description = "The output of `manage.py dumpdata auth.user auth.group authtoken.token`. Django's"
                    + " password hashes keep working (verified at login); keys are stored hashed. A file that is no"
                    + " such dump writes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class),
                            examples =
                                    @ExampleObject(
                                            name = "user",
                                            value = "[{\"model\": \"auth.user\", \"pk\": 1, \"fields\":"
                                                    + " {\"username\": \"alice\", \"password\":"
                                                    + " \"pbkdf2_sha256$600000$...\", \"is_active\": true,"
                                                    + " \"groups\": []}}]")))
    @APIResponse(
            responseCode = "200",
            description = "What was (or, in a dry run, would be) done, per model, and why records were rejected",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", ref = "BadDump")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(
            responseCode = "409",
            description = "Another import is running",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(
            responseCode = "413",
            description = "The file is larger than `django.import.max-bytes`",
            content = @Content(schema = @Schema(ref = "Error")))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ImportReport importDump(
            InputStream dump,
            @Parameter(description = "Report what the import would do, and write nothing") @QueryParam("dry_run")
                    String dryRun) {
        return imports.run(dump, dryRun(dryRun));
    }

    private static boolean dryRun(String value) {
        if (value == null) {
            return false;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw FieldErrors.of("dry_run", "Must be a valid boolean.");
    }
}
