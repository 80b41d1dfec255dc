package dev.restauth.django.control;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.control.TokenKeys;
import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.django.entity.Counts;
import dev.restauth.django.entity.ImportReport;
import dev.restauth.django.entity.Rejected;
import dev.restauth.errors.control.ApiError;
import dev.restauth.users.control.Passwords;
import dev.restauth.users.control.UserImports;
import dev.restauth.users.control.UserRequests;
import dev.restauth.users.control.UsernameRules;
import dev.restauth.users.entity.ImportedUser;
import dev.restauth.users.entity.ImportedUser.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports a Django dump in three passes over the spooled file (see the package description).
 * Users are written a batch per transaction: the first pass has already checked the whole file,
 * so a 400 never follows a write, and a re-run of the same file finds everything unchanged.
 */
@ApplicationScoped
public class DjangoImport {

    private static final Logger LOG = System.getLogger(DjangoImport.class.getName());
    static final int BATCH = 500;
    static final int MAX_LISTED = 1000;
    static final String NOT_IMPORTED = "The user of this key was not imported.";
    static final String BUSY = "Another import is running; try again when it has finished.";

    @Inject
    UserImports users;

    @Inject
    ApiTokens tokens;

    @Inject
    SpentTokens spentTokens;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "django.import.max-bytes", defaultValue = "268435456")
    long maxBytes;

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
            file = spool(body);
            ImportReport report = new Run(file, dryRun).call();
            LOG.log(
                    Level.INFO,
                    "Django import{0}: users {1}, tokens {2}, groups {3}",
                    dryRun ? " (dry run)" : "",
                    report.users(),
                    report.tokens(),
                    report.groups());
            return report;
        } finally {
            running.release();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the import file " + file, e);
                }
            }
        }
    }

    /** The body in a temporary file, up to {@code django.import.max-bytes}; 413 past it. */
    Path spool(InputStream body) {
        try {
            Path file = Files.createTempFile("restauth-import-", ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                long total = 0;
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    total += read;
                    if (total > maxBytes) {
                        Files.deleteIfExists(file);
                        throw ApiError.of(
                                413, "The file is larger than " + maxBytes + " bytes (django.import.max-bytes).");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> roles(String setting) {
        Set<String> roles = new TreeSet<>();
        Arrays.stream(setting.split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .forEach(roles::add);
        return roles;
    }

    /** One import's state: the groups, what became of each user, the counts and rejections. */
    private final class Run {

        private final Path file;
        private final boolean dryRun;
        private final Map<Long, String> groupsByPk = new HashMap<>();
        private final Set<String> groupNames = new HashSet<>();
        private final Set<String> invalidGroups = new HashSet<>();
        /** Django user pk or username → id here; -1 for a user a dry run would create. */
        private final Map<Long, Long> idsByPk = new HashMap<>();

        private final Map<String, Long> idsByName = new HashMap<>();
        private final Set<Long> seenPks = new HashSet<>();
        private final Set<String> seenNames = new HashSet<>();
        private final List<ImportedUser> batch = new ArrayList<>(BATCH);
        private final List<DumpRecord.User> batchRecords = new ArrayList<>(BATCH);
        private final List<Rejected> rejected = new ArrayList<>();
        private final int[] userCounts = new int[4];
        private final int[] groupCounts = new int[4];
        private final int[] tokenCounts = new int[4];
        private final int[] blacklistCounts = new int[4];
        /** SimpleJWT's blacklisted tokens by the pk of the outstanding token they name. */
        private final Map<Long, DumpRecord.Blacklisted> blacklisted = new HashMap<>();

        private int notListed;
        private boolean created;

        Run(Path file, boolean dryRun) {
            this.file = file;
            this.dryRun = dryRun;
        }

        ImportReport call() {
            DumpReader.read(file, (index, json) -> {
                DumpRecord record = DumpRecord.of(index, json);
                if (record instanceof DumpRecord.Group group) {
                    group(group);
                } else if (record instanceof DumpRecord.Blacklisted entry) {
                    blacklisted.put(entry.outstanding(), entry);
                }
            });
            DumpReader.read(file, (index, json) -> {
                if (DumpRecord.of(index, json) instanceof DumpRecord.User user) {
                    user(user);
                }
            });
            flush();
            if (created && !dryRun) {
                users.adjustIdSequence();
            }
            DumpReader.read(file, (index, json) -> {
                DumpRecord record = DumpRecord.of(index, json);
                if (record instanceof DumpRecord.Token token) {
                    token(token);
                } else if (record instanceof DumpRecord.Outstanding outstanding) {
                    outstanding(outstanding);
                }
            });
            blacklisted.values().stream()
                    .sorted(Comparator.comparingInt(DumpRecord.Blacklisted::index))
                    .forEach(entry -> reject(
                            DumpRecord.BLACKLISTED,
                            entry.pk(),
                            entry.index(),
                            blacklistCounts,
                            "token",
                            "Invalid pk \"" + entry.outstanding() + "\" - object does not exist."));
            return new ImportReport(
                    dryRun,
                    counts(userCounts),
                    counts(groupCounts),
                    counts(tokenCounts),
                    counts(blacklistCounts),
                    List.copyOf(rejected),
                    notListed);
        }

        /** Groups are not stored: their names become roles of their members. */
        private void group(DumpRecord.Group group) {
            if (!UserRequests.isValidRole(group.name())) {
                invalidGroups.add(group.name());
                reject(DumpRecord.GROUP, group.pk(), group.index(), groupCounts, "name", UserRequests.INVALID_ROLE);
            } else {
                groupCounts[2]++;
            }
            if (group.pk() != null) {
                groupsByPk.put(group.pk(), group.name());
            }
            groupNames.add(group.name());
        }

        private void user(DumpRecord.User user) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            String username = UsernameRules.normalize(user.username());
            if (!UsernameRules.isValid(username)) {
                errors.put("username", List.of(UsernameRules.INVALID));
            } else if (UsernameRules.RESERVED.equals(username) || !seenNames.add(username)) {
                errors.put("username", List.of(UserRequests.DUPLICATE));
            }
            if (user.pk() != null && !seenPks.add(user.pk())) {
                errors.put("pk", List.of("Another record in this file has the same pk."));
            }
            String hash = user.password().isEmpty() ? Passwords.UNUSABLE_PREFIX : user.password();
            if (!Passwords.isDjangoHash(hash)) {
                errors.put("password", List.of("Unknown password hashing algorithm."));
            }
            Instant joined = instant(user.dateJoined(), "date_joined", errors);
            Instant lastLogin = instant(user.lastLogin(), "last_login", errors);
            Set<String> roles = new TreeSet<>();
            for (DumpRecord.Ref ref : user.groups()) {
                String name = ref.pk() != null ? groupsByPk.get(ref.pk()) : ref.name();
                if (name == null || (ref.pk() == null && !groupNames.contains(name))) {
                    errors.put(
                            "groups",
                            List.of(
                                    ref.pk() != null
                                            ? "Invalid pk \"" + ref.pk() + "\" - object does not exist."
                                            : "Object with name=" + ref.name() + " does not exist."));
                } else if (!invalidGroups.contains(name)) {
                    roles.add(name); // a rejected group's membership is dropped; its rejection says why
                }
            }
            if (user.staff()) {
                roles.addAll(roles(staffRoles));
            }
            if (user.superuser()) {
                roles.addAll(roles(superuserRoles));
            }
            if (!errors.isEmpty()) {
                reject(DumpRecord.USER, user.pk(), user.index(), userCounts, errors);
                return;
            }
            batch.add(new ImportedUser(user.pk(), username, hash, user.active(), joined, lastLogin, roles));
            batchRecords.add(user);
            if (batch.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Result> results = users.apply(batch, dryRun);
            for (int i = 0; i < results.size(); i++) {
                Result result = results.get(i);
                DumpRecord.User record = batchRecords.get(i);
                if (result.outcome() == ImportedUser.Outcome.CONFLICT) {
                    reject(DumpRecord.USER, record.pk(), record.index(), userCounts, "username", result.problem());
                    continue;
                }
                userCounts[result.outcome().ordinal()]++;
                created |= result.outcome() == ImportedUser.Outcome.CREATED;
                long id = result.id() == null ? -1 : result.id();
                if (record.pk() != null) {
                    idsByPk.put(record.pk(), id);
                }
                idsByName.put(batch.get(i).username(), id);
            }
            batch.clear();
            batchRecords.clear();
        }

        private void token(DumpRecord.Token token) {
            if (!TokenKeys.isWellFormed(token.key())) {
                reject(
                        DumpRecord.TOKEN,
                        null,
                        token.index(),
                        tokenCounts,
                        "key",
                        "Enter a valid key: 40 lowercase hexadecimal characters.");
                return;
            }
            DumpRecord.Ref user = token.user();
            Long id = user.pk() != null ? idsByPk.get(user.pk()) : idsByName.get(UsernameRules.normalize(user.name()));
            if (id == null) {
                reject(DumpRecord.TOKEN, null, token.index(), tokenCounts, "user", NOT_IMPORTED);
                return;
            }
            Map<String, List<String>> errors = new LinkedHashMap<>();
            Instant created = instant(token.created(), "created", errors);
            if (!errors.isEmpty()) {
                reject(DumpRecord.TOKEN, null, token.index(), tokenCounts, errors);
                return;
            }
            ImportedKey.Outcome outcome = tokens.importKey(id, token.key(), created, dryRun);
            switch (outcome) {
                case CREATED -> tokenCounts[0]++;
                case UNCHANGED -> tokenCounts[2]++;
                case CONFLICT ->
                    reject(DumpRecord.TOKEN, null, token.index(), tokenCounts, "key", "Another user has this key.");
            }
        }

        /**
         * An outstanding token SimpleJWT blacklisted: its jti is stored (never the token), so the
         * cutover refuses to exchange it. Outstanding tokens nobody blacklisted are skipped.
         */
        private void outstanding(DumpRecord.Outstanding outstanding) {
            DumpRecord.Blacklisted entry = blacklisted.remove(outstanding.pk());
            if (entry == null) {
                return;
            }
            Map<String, List<String>> errors = new LinkedHashMap<>();
            Instant expires = instant(outstanding.expiresAt(), "expires_at", errors);
            if (outstanding.jti().isEmpty() || outstanding.jti().length() > 255) {
                errors.put("jti", List.of("Ensure this field has 1 to 255 characters."));
            }
            if (!errors.isEmpty()) {
                reject(DumpRecord.BLACKLISTED, entry.pk(), entry.index(), blacklistCounts, errors);
                return;
            }
            SpentTokens.Outcome outcome = spentTokens.blacklist(outstanding.jti(), clock.instant(), expires, dryRun);
            blacklistCounts[outcome.ordinal()]++;
        }

        private void reject(String model, Long pk, int index, int[] counts, String field, String message) {
            reject(model, pk, index, counts, Map.of(field, List.of(message)));
        }

        private void reject(String model, Long pk, int index, int[] counts, Map<String, List<String>> errors) {
            counts[3]++;
            if (rejected.size() < MAX_LISTED) {
                rejected.add(new Rejected(model, pk, index, Map.copyOf(errors)));
            } else {
                notListed++;
            }
        }

        private static Counts counts(int[] counts) {
            return new Counts(counts[0], counts[1], counts[2], counts[3]);
        }
    }

    /**
     * Django's datetimes: ISO-8601 with {@code Z} or an offset (USE_TZ), or naive (taken as UTC).
     */
    static Instant instant(String text, String field, Map<String, List<String>> errors) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.put(
                        field,
                        List.of("Datetime has wrong format. Use one of these formats instead:"
                                + " YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."));
                return null;
            }
        }
    }
}
