package dev.restauth.jwt.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A key pair that signs (while not retired) and verifies (until its last token expired). */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "algorithm", nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_key", nullable = false, columnDefinition = "text")
    private String publicKey;

    @Column(name = "private_key", nullable = false, columnDefinition = "text")
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {}

    public SigningKey(String kid, String algorithm, String publicKey, String privateKey, Instant now) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        this.createdAt = now;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicKey() {
        return publicKey;
    }

    public String privateKey() {
        return privateKey;
    }

    /** From now on the key only verifies. */
    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    /** Whether it signed for longer than {@code maxAge} and a fresh key should take over. */
    public boolean isDueForRotation(Instant now, Duration maxAge) {
        return retiredAt == null && createdAt.plus(maxAge).isBefore(now);
    }

    public boolean signs() {
        return retiredAt == null;
    }

    /** A retired key still verifies the tokens it signed until the longest of them expired. */
    public boolean verifies(Instant now, Duration longestLifetime) {
        return retiredAt == null || retiredAt.plus(longestLifetime).isAfter(now);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
