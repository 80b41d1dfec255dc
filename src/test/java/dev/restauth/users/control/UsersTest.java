package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldMessages;
import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.entity.NewUser;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.TokensRevoked.Reason;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanges;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Creating, changing and removing users; whatever ends a user's sessions says so. */
class UsersTest {

    TestCodecs.MovableClock clock;
    InMemoryUsers table;
    List<AuditEvent> audited;
    List<TokensRevoked> revocations;
    Users cut;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        clock = new TestCodecs.MovableClock();
        table = new InMemoryUsers();
        audited = new ArrayList<>();
        revocations = new ArrayList<>();
        cut = new Users();
        cut.store = table;
        cut.requests = new UserRequests();
        cut.requests.passwordRules = new PasswordRules();
        cut.requests.passwordRules.minLength = 8;
        cut.requests.passwordRules.maxLength = 1024;
        cut.passwords = TestIdentityStores.cheapPasswords();
        cut.hashing = TestIdentityStores.hashing();
        cut.clients = new ClientAddress();
        cut.revocations = revocations(revocations, audited);
        cut.audit = TestAudits.into(audited);
        cut.clock = clock;
    }

    /** Revocations that land in {@code fired}, their audit lines in {@code audited}. */
    @SuppressWarnings("unchecked")
    static TokenRevocations revocations(List<TokensRevoked> fired, List<AuditEvent> audited) {
        TokenRevocations revocations = new TokenRevocations();
        revocations.tokensRevoked = mock(Event.class);
        doAnswer(event -> fired.add(event.getArgument(0)))
                .when(revocations.tokensRevoked)
                .fire(any());
        revocations.audit = TestAudits.into(audited);
        return revocations;
    }

    User alice() {
        return cut.create(new NewUser("alice", "alice's password", List.of("staff")));
    }

    @Test
    void aNewUserIsActiveWithAHashedPasswordAndTheRolesGiven() {
        User created = alice();
        assertTrue(created.isActive());
        assertEquals(Set.of("staff"), created.roles());
        assertEquals(clock.instant(), created.createdAt());
        assertNotEquals("alice's password", created.passwordHash());
        assertTrue(cut.passwords.verify("alice's password".toCharArray(), created.passwordHash()));
        assertEquals(List.of(created), cut.all());
    }

    @Test
    void aNewUserWithoutRolesHasNone() {
        assertTrue(
                cut.create(new NewUser("bob", "bob's password", null)).roles().isEmpty());
    }

    @Test
    void aTakenUsernameIsAFieldError() {
        alice();
        ApiError refused =
                assertThrows(ApiError.class, () -> cut.create(new NewUser("alice", "another password", null)));
        assertEquals(Map.of("username", List.of(UserRequests.DUPLICATE)), FieldMessages.of(refused));
    }

    /** A store whose insert fails as PostgreSQL's would, after the duplicate check passed. */
    static UserStore failingInsert(String sqlState) {
        return new UserStore() {
            @Override
            public Optional<User> findByUsername(String username) {
                return Optional.empty(); // the other request has not committed yet
            }

            @Override
            public User add(User user) {
                throw new PersistenceException(new SQLException("insert failed", sqlState));
            }
        };
    }

    @Test
    void losingTheRaceForAUsernameIsTheSameFieldError() {
        cut.store = failingInsert("23505");
        ApiError refused =
                assertThrows(ApiError.class, () -> cut.create(new NewUser("alice", "alice's password", null)));
        assertEquals(List.of(UserRequests.DUPLICATE), refused.messages("username"));
    }

    @Test
    void anyOtherFailedInsertIsNoFieldError() {
        cut.store = failingInsert("08006");
        assertThrows(PersistenceException.class, () -> cut.create(new NewUser("alice", "alice's password", null)));
    }

    @Test
    void anInvalidNewUserIsRefusedBeforeAnythingIsStored() {
        assertThrows(ApiError.class, () -> cut.create(new NewUser("bad name!", "short", null)));
        assertTrue(cut.all().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody", "bad name!", ""})
    void anUnknownOrImpossibleUsernameIsNotFound(String username) {
        alice();
        assertThrows(NotFoundException.class, () -> cut.find(username));
    }

    @Test
    void findingAUserByName() {
        User created = alice();
        assertEquals(created, cut.find("alice"));
    }

    @Test
    void anAdministratorsResetChangesThePasswordAndEndsTheSessions() {
        User alice = alice();
        Instant issued = alice.tokenIssuedAt(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        cut.change("alice", new UserChanges(null, null, "a new password"), "admin");
        assertTrue(cut.passwords.verify("a new password".toCharArray(), alice.passwordHash()));
        assertTrue(alice.revoked(issued));
        assertEquals(List.of(new TokensRevoked(alice.id(), Reason.PASSWORD_CHANGED)), revocations);
        assertEquals(AuditEvent.Type.PASSWORD_CHANGED, audited.get(0).type());
        assertEquals("reset by admin", audited.get(0).detail());
        assertEquals(
                "all tokens of user id " + alice.id() + ": password_changed",
                audited.get(1).detail());
    }

    @Test
    void deactivationEndsTheSessionsAndReactivationKeepsThemEnded() {
        User alice = alice();
        Instant issued = alice.tokenIssuedAt(clock.instant());
        clock.advance(Duration.ofSeconds(2));
        cut.change("alice", new UserChanges(null, false, null), "admin");
        assertFalse(alice.isActive());
        assertTrue(alice.revoked(issued));
        assertEquals(List.of(new TokensRevoked(alice.id(), Reason.DEACTIVATED)), revocations);

        cut.change("alice", new UserChanges(null, true, null), "admin");
        assertTrue(alice.isActive());
        assertTrue(alice.revoked(issued));
        assertEquals(1, revocations.size(), "reactivating revokes nothing");
    }

    @Test
    void changingRolesOnlyKeepsPasswordAndSessions() {
        User alice = alice();
        String hash = alice.passwordHash();
        Instant issued = alice.tokenIssuedAt(clock.instant());
        cut.change("alice", new UserChanges(List.of("ops", "admin"), null, null), "admin");
        assertEquals(Set.of("ops", "admin"), alice.roles());
        assertEquals(hash, alice.passwordHash());
        assertTrue(alice.isActive());
        assertFalse(alice.revoked(issued));
        assertTrue(revocations.isEmpty());
        assertTrue(audited.isEmpty());
    }

    @Test
    void anEmptyChangeChangesNothing() {
        User alice = alice();
        cut.change("alice", new UserChanges(null, null, null), "admin");
        assertEquals(Set.of("staff"), alice.roles());
        assertTrue(alice.isActive());
        assertTrue(revocations.isEmpty());
    }

    @Test
    void changingAnUnknownUserIsNotFound() {
        assertThrows(NotFoundException.class, () -> cut.change("nobody", new UserChanges(null, false, null), "admin"));
    }

    @Test
    void aResetMustSatisfyThePasswordRules() {
        alice();
        ApiError refused =
                assertThrows(ApiError.class, () -> cut.change("alice", new UserChanges(null, null, "short"), "admin"));
        assertTrue(refused.fields().containsKey("password"));
        assertTrue(revocations.isEmpty());
    }

    @Test
    void removingAUserEndsTheirSessions() {
        User alice = alice();
        cut.remove("alice");
        assertTrue(cut.all().isEmpty());
        assertEquals(List.of(new TokensRevoked(alice.id(), Reason.REMOVED)), revocations);
        assertThrows(NotFoundException.class, () -> cut.remove("alice"));
    }

    @Test
    void logoutAllEndsEverySessionOfTheUser() {
        User alice = alice();
        Instant issued = alice.tokenIssuedAt(clock.instant());
        cut.logoutAll("alice");
        assertTrue(alice.revoked(issued));
        assertEquals(List.of(new TokensRevoked(alice.id(), Reason.LOGOUT_ALL)), revocations);
        assertEquals(
                "all tokens of user id " + alice.id() + ": logout_all",
                audited.get(0).detail());
        assertEquals(AuditEvent.Type.TOKEN_REVOKED, audited.get(0).type());
    }

    @Test
    void logoutAllOfAnUnknownUserRevokesNothing() {
        cut.logoutAll("nobody");
        assertTrue(revocations.isEmpty());
    }
}
