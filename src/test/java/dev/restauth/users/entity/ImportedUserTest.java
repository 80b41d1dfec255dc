package dev.restauth.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an import compares with and updates a user who is already here. */
class ImportedUserTest {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant NOW = CREATED.plusSeconds(3600);

    static User alice() {
        return new User("alice", "pbkdf2_sha256$1$salt$hash", List.of("staff"), CREATED);
    }

    static ImportedUser imported(String hash, boolean active, Instant joined, Instant lastLogin, String... roles) {
        return new ImportedUser(7L, "alice", hash, active, joined, lastLogin, Set.of(roles));
    }

    @Test
    void theSameUserAgainChangesNothing() {
        User alice = alice();
        ImportedUser same = imported(alice.passwordHash(), true, CREATED, null, "staff");
        assertFalse(same.differsFrom(alice, true));
        assertFalse(same.applyTo(alice, true, NOW));
    }

    @Test
    void aNewHashReplacesAnImportedOneAndEndsTheSessions() {
        User alice = alice();
        Instant issued = alice.tokenIssuedAt(CREATED);
        ImportedUser changed = imported("pbkdf2_sha256$1$salt$other", true, CREATED, null, "staff");
        assertTrue(changed.applyTo(alice, true, NOW));
        assertEquals("pbkdf2_sha256$1$salt$other", alice.passwordHash());
        assertTrue(alice.revoked(issued));
    }

    @Test
    void aHashThisServerMadeIsNotReplaced() {
        User alice = alice();
        ImportedUser changed = imported("pbkdf2_sha256$1$salt$other", true, CREATED, null, "staff");
        assertFalse(changed.differsFrom(alice, false));
        assertFalse(changed.applyTo(alice, false, NOW));
        assertEquals("pbkdf2_sha256$1$salt$hash", alice.passwordHash());
    }

    @Test
    void rolesActiveAndDatesComeFromTheImport() {
        User alice = alice();
        Instant joined = CREATED.minusSeconds(86_400);
        Instant lastLogin = CREATED.plusSeconds(60);
        assertTrue(
                imported(alice.passwordHash(), false, joined, lastLogin, "ops").applyTo(alice, true, NOW));
        assertEquals(Set.of("ops"), alice.roles());
        assertFalse(alice.isActive());
        assertEquals(joined, alice.createdAt());
        assertEquals(lastLogin, alice.lastLogin());
    }

    @Test
    void aLaterLoginHereIsNotUndone() {
        User alice = alice();
        alice.recordLogin(CREATED.plusSeconds(120));
        ImportedUser older = imported(alice.passwordHash(), true, CREATED, CREATED.plusSeconds(60), "staff");
        assertFalse(older.differsFrom(alice, true));
        assertEquals(CREATED.plusSeconds(120), alice.lastLogin());
    }
}
