package dev.restauth.jwt.control;

import dev.restauth.jwt.entity.RefreshToken;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The refresh families and tokens as maps, with the conditional updates of {@link
 * RefreshTokenStore} as its SQL states them, for unit tests of the token operations.
 */
final class InMemoryRefreshTokens extends RefreshTokenStore {

    private record Row(RefreshToken token, Instant expiresAt) {}

    private final Map<String, Row> tokens = new ConcurrentHashMap<>();
    private final Map<UUID, Long> families = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> revokedFamilies = new ConcurrentHashMap<>();

    @Override
    public void startFamily(UUID family, long userId, Instant now) {
        families.put(family, userId);
    }

    @Override
    public void record(String jti, UUID family, long userId, Instant issuedAt, Instant expiresAt) {
        tokens.put(jti, new Row(new RefreshToken(jti, family, userId, issuedAt, expiresAt), expiresAt));
    }

    @Override
    public boolean rotate(String jti, Instant now, RefreshToken successor) {
        Row row = tokens.get(jti);
        if (row == null
                || row.token().isRotated()
                || row.token().isBlacklisted()
                || !row.expiresAt().isAfter(now)
                || revokedFamilies.containsKey(row.token().familyId())) {
            return false;
        }
        set(row.token(), "rotatedAt", now);
        tokens.put(successor.jti(), new Row(successor, successor.expiresAt()));
        return true;
    }

    @Override
    public Optional<RefreshToken> currentOfRecentlyRotated(String jti, Instant rotatedSince, Instant now) {
        Row presented = tokens.get(jti);
        if (presented == null
                || !presented.token().rotatedSince(rotatedSince)
                || revokedFamilies.containsKey(presented.token().familyId())) {
            return Optional.empty();
        }
        return tokens.values().stream()
                .map(Row::token)
                .filter(token -> token.familyId().equals(presented.token().familyId()))
                .filter(token -> !token.isRotated() && !token.isBlacklisted())
                .filter(token -> token.expiresAt().isAfter(now))
                .max(java.util.Comparator.comparing(RefreshToken::issuedAt));
    }

    @Override
    public boolean blacklist(String jti, Instant now) {
        Row row = tokens.get(jti);
        if (row == null || row.token().isRotated() || row.token().isBlacklisted()) {
            return false;
        }
        set(row.token(), "blacklistedAt", now);
        return true;
    }

    @Override
    public Optional<RefreshToken> find(String jti) {
        return Optional.ofNullable(jti == null ? null : tokens.get(jti)).map(Row::token);
    }

    @Override
    public boolean isFamilyRevoked(UUID family) {
        return !families.containsKey(family) || revokedFamilies.containsKey(family);
    }

    @Override
    public void revokeFamily(UUID family, Instant now) {
        revokedFamilies.putIfAbsent(family, now);
    }

    @Override
    public int revokeAllFamilies(long userId, Instant now) {
        int revoked = 0;
        for (Map.Entry<UUID, Long> family : families.entrySet()) {
            if (family.getValue() == userId && revokedFamilies.putIfAbsent(family.getKey(), now) == null) {
                revoked++;
            }
        }
        return revoked;
    }

    /** Forgets a row, as the purge of expired tokens would. */
    void delete(String jti) {
        tokens.remove(jti);
    }

    private static void set(RefreshToken token, String name, Instant value) {
        try {
            Field field = RefreshToken.class.getDeclaredField(name);
            field.setAccessible(true);
            field.set(token, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
