package dev.restauth.apitokens.control;

import dev.restauth.apitokens.entity.ApiToken;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The api_tokens table as a map, for unit tests and the JMH benchmarks, with {@link VerifiedKeys}
 * in front of it as CDI wires it.
 */
public final class InMemoryApiTokens extends ApiTokenStore {

    static final byte[] PEPPER = "a pepper for the tests, 32 bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Map<Long, ApiToken> rows = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger touches = new AtomicInteger();
    public final TokenKeys keys = new TokenKeys(PEPPER);
    /** Runs once a lookup has read the rows: what another thread may do meanwhile. */
    volatile Runnable afterLookup = () -> {};

    /** A row for a new key of this user; the key is returned, as issuing returns it. */
    public String issue(long userId, Instant expires) {
        return add(userId, keys.newKey(), expires);
    }

    /** A row for a key made elsewhere (an imported DRF key). */
    public String add(long userId, String key) {
        return add(userId, key, null);
    }

    private String add(long userId, String key, Instant expires) {
        add(new ApiToken(userId, "test", TokenKeys.selector(key), keys.digest(key), Instant.now(), expires));
        return key;
    }

    /** Stored with the next id, as the table's identity column numbers it. */
    @Override
    public ApiToken add(ApiToken token) {
        long id = ids.incrementAndGet();
        try {
            Field field = ApiToken.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(token, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        rows.put(id, token);
        return token;
    }

    @Override
    public List<ApiToken> ofUser(long userId) {
        return rows.values().stream()
                .filter(row -> row.userId() == userId && !revoked(row))
                .sorted(java.util.Comparator.comparing(ApiToken::id))
                .toList();
    }

    @Override
    public int revokeAllOf(long userId, Instant now) {
        List<ApiToken> live = rows.values().stream()
                .filter(row -> row.userId() == userId && !revoked(row))
                .toList();
        live.forEach(row -> row.revoke(now));
        return live.size();
    }

    /** Whether the row was revoked, expired or not. */
    public static boolean revoked(ApiToken row) {
        return !row.isLive(Instant.MIN);
    }

    public VerifiedKeys verifiedKeys(Clock clock, Duration ttl) {
        VerifiedKeys verified = new VerifiedKeys();
        verified.store = this;
        verified.keys = keys;
        verified.clock = clock;
        verified.cacheTtl = ttl;
        verified.init();
        return verified;
    }

    public TokenUses tokenUses(Clock clock) {
        TokenUses uses = new TokenUses();
        uses.store = this;
        uses.clock = clock;
        uses.init();
        return uses;
    }

    /** How often a key went to the table: what the cache of checked keys saves. */
    public int lookups() {
        return lookups.get();
    }

    /** How often a use was written: at most once a minute per token. */
    public int touches() {
        return touches.get();
    }

    @Override
    public List<ApiToken> withSelector(String selector) {
        lookups.incrementAndGet();
        List<ApiToken> found = rows.values().stream()
                .filter(row -> keysSelector(row).equals(selector))
                .toList();
        afterLookup.run();
        return found;
    }

    @Override
    public Optional<ApiToken> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public boolean revoke(long id, Instant now) {
        Optional<ApiToken> token = find(id);
        token.ifPresent(found -> found.revoke(now));
        return token.isPresent();
    }

    @Override
    public boolean touch(long id, Instant now, Duration interval) {
        touches.incrementAndGet();
        return true;
    }

    private static String keysSelector(ApiToken row) {
        try {
            Field field = ApiToken.class.getDeclaredField("selector");
            field.setAccessible(true);
            return (String) field.get(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
