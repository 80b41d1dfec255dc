package dev.restauth.django.control;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.django.entity.ImportReport;
import dev.restauth.errors.control.ApiError;
import dev.restauth.users.control.UserImports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports a Django dump in three passes over the spooled file (see the package description):
 * groups (and SimpleJWT's blacklist entries), then users ({@link UserPass}), then DRF keys and
 * blacklisted jtis ({@link KeyPass}). Users are written a batch per transaction: the first pass has
 * already checked the whole file, so a 400 never follows a write, and a re-run of the same file
 * finds everything unchanged.
 */
@ApplicationScoped
public class DjangoImport {

    private static final Logger LOG = System.getLogger(DjangoImport.class.getName());
    static final String BUSY = "Another import is running; try again when it has finished.";

    @Inject
    UserImports users;

    @Inject
    ApiTokens tokens;

    @Inject
    SpentTokens spentTokens;

    @Inject
    DumpSpool spool;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "django.import.staff-roles", defaultValue = "admin")
    String staffRoles;

    @Inject
    @ConfigProperty(name = "django.import.superuser-roles", defaultValue = "admin")
    String superuserRoles;

    /** One import at a time: two at once would race for the same ids and usernames. */
    private final Semaphore running = new Semaphore(1);

    public ImportReport run(InputStream body, boolean dryRun) {
        if (!running.tryAcquire()) {
            throw ApiError.of(409, BUSY);
        }
        Path file = null;
        try {
            file = spool.spool(body);
            ImportReport report = passes(file, dryRun);
            LOG.log(
                    Level.INFO,
                    "Django import{0}: users {1}, tokens {2}, groups {3}, blacklisted tokens {4}",
                    dryRun ? " (dry run)" : "",
                    report.users(),
                    report.tokens(),
                    report.groups(),
                    report.blacklistedTokens());
            return report;
        } finally {
            running.release();
            if (file != null) {
                spool.delete(file);
            }
        }
    }

    private ImportReport passes(Path file, boolean dryRun) {
        ImportTally tally = new ImportTally();
        UserPass userPass = new UserPass(users, roles(staffRoles), roles(superuserRoles), tally, dryRun);
        KeyPass keyPass = new KeyPass(tokens, spentTokens, userPass::id, tally, clock.instant(), dryRun);
        DumpReader.read(file, (index, json) -> {
            DumpRecord record = DumpRecord.of(index, json);
            if (record instanceof DumpRecord.Group group) {
                userPass.group(group);
            } else if (record instanceof DumpRecord.Blacklisted entry) {
                keyPass.blacklistEntry(entry);
            }
        });
        DumpReader.read(file, (index, json) -> {
            if (DumpRecord.of(index, json) instanceof DumpRecord.User user) {
                userPass.user(user);
            }
        });
        userPass.finish();
        DumpReader.read(file, (index, json) -> {
            DumpRecord record = DumpRecord.of(index, json);
            if (record instanceof DumpRecord.Token token) {
                keyPass.token(token);
            } else if (record instanceof DumpRecord.Outstanding outstanding) {
                keyPass.outstanding(outstanding);
            }
        });
        keyPass.finish();
        return tally.report(dryRun);
    }

    static Set<String> roles(String setting) {
        Set<String> roles = new TreeSet<>();
        Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .forEach(roles::add);
        return roles;
    }
}
