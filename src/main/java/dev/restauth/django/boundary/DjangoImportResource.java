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

/**
 * {@code POST /api/users/import}: a Django {@code dumpdata} file in, a report out. The body is a
 * stream, never a record: dumps are large, and the control spools them to disk.
 */
@Path("api/users/import")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DjangoImportResource {

    /** DRF's BooleanField spellings. */
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "y", "t");

    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "n", "f");

    @Inject
    DjangoImport imports;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    public ImportReport importDump(InputStream dump, @QueryParam("dry_run") String dryRun) {
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
