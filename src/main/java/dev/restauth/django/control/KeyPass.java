package dev.restauth.django.control;

import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.control.TokenKeys;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One import's tokens, after its users: DRF keys (stored hashed, for the user the dump names) and
 * SimpleJWT's blacklist (the jtis of blacklisted refresh tokens, which the cutover then refuses
 * to exchange). A blacklist entry names its outstanding token by pk, anywhere in the file, so the
 * entries are collected in the first pass ({@link #blacklistEntry}) and resolved in this one.
 */
final class KeyPass {

    static final String NOT_IMPORTED = "The user of this key was not imported.";

    private final ApiTokens keys;
    private final SpentTokens spentTokens;
    private final Function<DumpRecord.Ref, Long> userIds;
    private final ImportTally tally;
    private final Instant now;
    private final boolean dryRun;
    /** SimpleJWT's blacklisted tokens by the pk of the outstanding token they name. */
    private final Map<Long, DumpRecord.Blacklisted> blacklisted = new HashMap<>();

    KeyPass(
            ApiTokens keys,
            SpentTokens spentTokens,
            Function<DumpRecord.Ref, Long> userIds,
            ImportTally tally,
            Instant now,
            boolean dryRun) {
        this.keys = keys;
        this.spentTokens = spentTokens;
        this.userIds = userIds;
        this.tally = tally;
        this.now = now;
        this.dryRun = dryRun;
    }

    void blacklistEntry(DumpRecord.Blacklisted entry) {
        blacklisted.put(entry.outstanding(), entry);
    }

    void token(DumpRecord.Token token) {
        if (!TokenKeys.isWellFormed(token.key())) {
            tally.reject(
                    DumpRecord.TOKEN,
                    null,
                    token.index(),
                    tally.tokens,
                    "key",
                    "Enter a valid key: 40 lowercase hexadecimal characters.");
            return;
        }
        Long id = userIds.apply(token.user());
        if (id == null) {
            tally.reject(DumpRecord.TOKEN, null, token.index(), tally.tokens, "user", NOT_IMPORTED);
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Instant created = DjangoDates.instant(token.created(), "created", errors);
        if (!errors.isEmpty()) {
            tally.reject(DumpRecord.TOKEN, null, token.index(), tally.tokens, errors);
            return;
        }
        switch (keys.importKey(id, token.key(), created, dryRun)) {
            case CREATED -> tally.tokens[ImportTally.CREATED]++;
            case UNCHANGED -> tally.tokens[ImportTally.UNCHANGED]++;
            case CONFLICT ->
                tally.reject(DumpRecord.TOKEN, null, token.index(), tally.tokens, "key", "Another user has this key.");
        }
    }

    /**
     * An outstanding token SimpleJWT blacklisted: its jti is stored (never the token), so the
     * cutover refuses to exchange it. Outstanding tokens nobody blacklisted are skipped.
     */
    void outstanding(DumpRecord.Outstanding outstanding) {
        DumpRecord.Blacklisted entry = blacklisted.remove(outstanding.pk());
        if (entry == null) {
            return;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Instant expires = DjangoDates.instant(outstanding.expiresAt(), "expires_at", errors);
        if (outstanding.jti().isEmpty() || outstanding.jti().length() > DjangoTokenVerifier.MAX_JTI) {
            errors.put("jti", List.of("Ensure this field has 1 to 255 characters."));
        }
        if (!errors.isEmpty()) {
            tally.reject(DumpRecord.BLACKLISTED, entry.pk(), entry.index(), tally.blacklisted, errors);
            return;
        }
        tally.blacklisted[
                spentTokens.blacklist(outstanding.jti(), now, expires, dryRun).ordinal()]++;
    }

    /** Blacklist entries whose outstanding token the file does not hold are rejected. */
    void finish() {
        blacklisted.values().stream()
                .sorted(Comparator.comparingInt(DumpRecord.Blacklisted::index))
                .forEach(entry -> tally.reject(
                        DumpRecord.BLACKLISTED,
                        entry.pk(),
                        entry.index(),
                        tally.blacklisted,
                        "token",
                        "Invalid pk \"" + entry.outstanding() + "\" - object does not exist."));
    }
}
