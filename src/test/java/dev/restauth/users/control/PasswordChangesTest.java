package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldMessages;
import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.entity.PasswordChange;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.TokensRevoked.Reason;
import dev.restauth.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A caller's change of their own password: the old one proves it, every session ends. */
class PasswordChangesTest {

    TestCodecs.MovableClock clock;
    List<AuditEvent> audited;
    List<TokensRevoked> revocations;
    User alice;
    PasswordChanges cut;

    @BeforeEach
    void wire() {
        clock = new TestCodecs.MovableClock();
        audited = new ArrayList<>();
        revocations = new ArrayList<>();
        alice = TestIdentityStores.withPassword(InMemoryUsers.user(7, "alice", "staff"), "alice's password");
        InMemoryUsers table = new InMemoryUsers(alice);
        cut = new PasswordChanges();
        cut.store = table;
        cut.requests = new UserRequests();
        cut.requests.passwordRules = new PasswordRules();
        cut.requests.passwordRules.minLength = 8;
        cut.requests.passwordRules.maxLength = 1024;
        cut.passwords = TestIdentityStores.cheapPasswords();
        cut.identityStore = TestIdentityStores.over(table, audited);
        cut.hashing = cut.identityStore.hashing;
        cut.revocations = UsersTest.revocations(revocations, audited);
        cut.clock = clock;
    }

    /** A password change as the resource awaits it; a refusal is the cause of the stage's failure. */
    void changePassword(String username, PasswordChange change) {
        try {
            cut.change(username, change, RequestOrigin.NONE)
                    .toCompletableFuture()
                    .join();
        } catch (CompletionException failed) {
            throw (RuntimeException) failed.getCause();
        }
    }

    @Test
    void theOwnerChangesThePasswordWithTheOldOne() {
        Instant issued = alice.tokenIssuedAt(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        changePassword("alice", new PasswordChange("alice's password", "a brand new one"));
        assertTrue(cut.passwords.verify("a brand new one".toCharArray(), alice.passwordHash()));
        assertTrue(alice.revoked(issued));
        assertEquals(List.of(new TokensRevoked(alice.id(), Reason.PASSWORD_CHANGED)), revocations);
    }

    @Test
    void aWrongOldPasswordChangesNothing() {
        String hash = alice.passwordHash();
        ApiError refused = assertThrows(
                ApiError.class, () -> changePassword("alice", new PasswordChange("not it", "a brand new one")));
        assertEquals(Map.of("old_password", List.of(PasswordChanges.WRONG_OLD_PASSWORD)), FieldMessages.of(refused));
        assertEquals(hash, alice.passwordHash());
        assertTrue(revocations.isEmpty());
    }
}
