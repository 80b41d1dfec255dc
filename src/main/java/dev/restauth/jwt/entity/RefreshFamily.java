package dev.restauth.jwt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The refresh tokens descended from one login. Revoking it ends that session. */
@Entity
@Table(name = "refresh_families")
public class RefreshFamily {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshFamily() {}

    public RefreshFamily(UUID id, Long userId, Instant now) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
