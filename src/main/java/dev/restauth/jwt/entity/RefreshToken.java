package dev.restauth.jwt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the server keeps of a refresh token: its id and state, never the token. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    @Column(name = "jti", length = 64)
    private String jti;

    @Column(name = "family_id", nullable = false)
    private UUID familyId;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "blacklisted_at")
    private Instant blacklistedAt;

    protected RefreshToken() {}

    public RefreshToken(String jti, UUID familyId, Long userId, Instant issuedAt, Instant expiresAt) {
        this.jti = jti;
        this.familyId = familyId;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String jti() {
        return jti;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public UUID familyId() {
        return familyId;
    }

    public Long userId() {
        return userId;
    }

    public boolean isRotated() {
        return rotatedAt != null;
    }

    /** Rotated at {@code since} or later, and not blacklisted since. */
    public boolean rotatedSince(Instant since) {
        return rotatedAt != null && !rotatedAt.isBefore(since) && blacklistedAt == null;
    }

    public boolean isBlacklisted() {
        return blacklistedAt != null;
    }
}
