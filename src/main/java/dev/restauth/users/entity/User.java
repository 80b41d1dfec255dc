package dev.restauth.users.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/** A user who can log in. Usernames are case-sensitive, as in Django. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 150)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** Every authentication needs them; a list loads them for 500 users a query, not one per user. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 500)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 64)
    private Set<String> roles = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_login")
    private Instant lastLogin;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "tokens_valid_after", nullable = false)
    private Instant tokensValidAfter;

    protected User() {}

    public User(String username, String passwordHash, Collection<String> roles, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.active = true;
        this.roles = new TreeSet<>(roles);
        this.createdAt = now;
        this.passwordChangedAt = now;
        this.tokensValidAfter = TokenWatermark.initial(now);
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    /** In alphabetical order, so that the API and the tokens list them the same way every time. */
    public SortedSet<String> roles() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLogin() {
        return lastLogin;
    }

    public Instant tokensValidAfter() {
        return tokensValidAfter;
    }

    /** A new password ends every session: tokens issued before now stop working. */
    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        revokeTokens(now);
    }

    /** The same password, hashed again at the current parameters; sessions stay. */
    public void rehashPassword(String newHash) {
        this.passwordHash = newHash;
    }

    /** An inactive user never authenticates, and deactivating kills their outstanding tokens. */
    public void setActive(boolean active, Instant now) {
        this.active = active;
        if (!active) {
            revokeTokens(now);
        }
    }

    public void replaceRoles(Collection<String> newRoles) {
        this.roles = new TreeSet<>(newRoles);
    }

    /** When the user joined the system they were imported from ({@link ImportedUser#applyTo}). */
    void joined(Instant joined) {
        this.createdAt = joined;
    }

    public void recordLogin(Instant now) {
        this.lastLogin = now;
    }

    /** Ends every session: tokens issued before now stop working ({@link TokenWatermark}). */
    public void revokeTokens(Instant now) {
        this.tokensValidAfter = TokenWatermark.raised(tokensValidAfter, now);
    }

    public Instant tokenIssuedAt(Instant now) {
        return TokenWatermark.issuedAt(tokensValidAfter, now);
    }

    public boolean revoked(Instant issuedAt) {
        return TokenWatermark.revokes(tokensValidAfter, issuedAt);
    }
}
