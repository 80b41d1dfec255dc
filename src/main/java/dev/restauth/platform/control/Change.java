package dev.restauth.platform.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * A change that makes cached copies stale on every node: what kind of entry, and which one. It
 * travels as a NOTIFY payload such as {@code user:42}, so it carries ids, never data: a few dozen
 * bytes, far below PostgreSQL's 8000-byte limit, and nothing secret in {@code pg_stat_activity}
 * or a log.
 *
 * @param id the entry's id; {@code 0} for a kind with one entry only ({@link Kind#SIGNING_KEYS})
 */
public record Change(Kind kind, long id) {

    /** The entries a node caches, by the id they are evicted with. */
    public enum Kind {
        /** A user's status: active, roles, the revocation watermark, or the user is gone. */
        USER("user"),
        /** Every API token of one user (logout-all, a reset, a password change). */
        USER_API_TOKENS("user-api-tokens"),
        /** One API token. */
        API_TOKEN("api-token"),
        /** The signing and verification keys. */
        SIGNING_KEYS("signing-keys");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        static Optional<Kind> of(String code) {
            return Arrays.stream(values())
                    .filter(kind -> kind.code.equals(code))
                    .findFirst();
        }
    }

    /** Longer payloads are not ours: at most a kind's code, a colon and a long. */
    static final int MAX_PAYLOAD = 48;

    public Change {
        if (kind == null || id < 0) {
            throw new IllegalArgumentException("a change needs a kind and an id >= 0");
        }
    }

    public static Change user(long userId) {
        return new Change(Kind.USER, userId);
    }

    public static Change apiTokensOf(long userId) {
        return new Change(Kind.USER_API_TOKENS, userId);
    }

    public static Change apiToken(long tokenId) {
        return new Change(Kind.API_TOKEN, tokenId);
    }

    public static Change signingKeys() {
        return new Change(Kind.SIGNING_KEYS, 0);
    }

    public String payload() {
        return kind.code + ":" + id;
    }

    /**
     * The change a payload names; empty for anything else (a newer node's kind during a rolling
     * upgrade, a stranger's NOTIFY), which the listener answers by flushing everything.
     */
    public static Optional<Change> parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD) {
            return Optional.empty();
        }
        int colon = payload.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.of(payload.substring(0, colon));
        String digits = payload.substring(colon + 1);
        if (kind.isEmpty() || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Change(kind.get(), Long.parseLong(digits)));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }
}
