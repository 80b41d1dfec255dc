package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.entity.User;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one place passwords are checked: unknown, inactive and wrong all look alike. */
class UserIdentityStoreTest {

    List<AuditEvent> audited;
    User alice;
    User gone;
    InMemoryUsers table;
    UserIdentityStore cut;

    @BeforeEach
    void wire() {
        alice = TestIdentityStores.withPassword(InMemoryUsers.user(7, "alice", "staff"), "alice's password");
        gone = TestIdentityStores.withPassword(InMemoryUsers.user(8, "gone"), "gone's password");
        gone.setActive(false, Instant.now());
        table = new InMemoryUsers(alice, gone);
        audited = new ArrayList<>();
        cut = TestIdentityStores.over(table, audited);
    }

    static final RequestOrigin OFFICE = new RequestOrigin("198.51.100.7", "POST /api/token/");

    Optional<User> login(String username, char[] password) {
        return cut.login(username, password, OFFICE).toCompletableFuture().join();
    }

    Optional<User> authenticate(String username, char[] password) {
        return cut.authenticate(username, password, OFFICE);
    }

    @Test
    void theRightPasswordIsALoginAndAudited() {
        assertSame(alice, login("alice", "alice's password".toCharArray()).orElseThrow());
        assertEquals(1, audited.size());
        assertEquals(AuditEvent.Type.LOGIN_SUCCEEDED, audited.get(0).type());
        assertEquals("alice", audited.get(0).username());
        assertEquals("198.51.100.7", audited.get(0).client(), "the origin handed in, not the hashing thread's");
        assertEquals("POST /api/token/", audited.get(0).request());
    }

    @Test
    void aRequestsOwnCredentialsAreNoLoginAndNotAudited() {
        assertTrue(authenticate("alice", "alice's password".toCharArray()).isPresent());
        assertTrue(audited.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "alice, wrong password, false",
        "gone, gone's password, true",
        "nobody, alice's password, true",
        "'bad name!', alice's password, true"
    })
    void everyFailureLooksAlikeAndIsAudited(String username, String password, boolean dummyHash) {
        long dummies = cut.steps.passwords.dummyVerifications();
        assertTrue(login(username, password.toCharArray()).isEmpty());
        assertEquals(1, audited.size());
        assertEquals(AuditEvent.Type.LOGIN_FAILED, audited.get(0).type());
        assertEquals(username, audited.get(0).username());
        assertEquals(
                dummyHash ? dummies + 1 : dummies,
                cut.steps.passwords.dummyVerifications(),
                "an unknown or inactive user costs a verification too");
    }

    @Test
    void aPasswordLongerThanAnyAllowedIsRefusedWithoutHashing() {
        long dummies = cut.steps.passwords.dummyVerifications();
        char[] huge = "x".repeat(1025).toCharArray();
        assertTrue(authenticate("alice", huge).isEmpty());
        assertEquals(dummies, cut.steps.passwords.dummyVerifications());
        assertEquals(AuditEvent.Type.LOGIN_FAILED, audited.get(0).type());
        assertTrue(authenticate("alice", null).isEmpty());
    }

    @Test
    void aPasswordOfTheMaximumLengthIsChecked() {
        String longest = "y".repeat(1024);
        TestIdentityStores.withPassword(alice, longest);
        assertTrue(authenticate("alice", longest.toCharArray()).isPresent());
    }

    @Test
    void anOutdatedHashIsUpgradedAtLoginAndKeepsTheSessions() {
        Passwords older = TestIdentityStores.cheapPasswords();
        older.iterations = 2;
        alice.rehashPassword(older.generate("alice's password".toCharArray()));
        Instant issued = alice.tokenIssuedAt(Instant.now());
        assertTrue(cut.steps.passwords.needsRehash(alice.passwordHash()));

        assertTrue(login("alice", "alice's password".toCharArray()).isPresent());
        assertFalse(cut.steps.passwords.needsRehash(alice.passwordHash()), alice.passwordHash());
        assertTrue(cut.steps.passwords.verify("alice's password".toCharArray(), alice.passwordHash()));
        assertFalse(alice.revoked(issued));
    }

    @Test
    void aCurrentHashIsLeftAlone() {
        String hash = alice.passwordHash();
        login("alice", "alice's password".toCharArray());
        assertEquals(hash, alice.passwordHash());
    }

    @Test
    void asAnIdentityStoreItAnswersWithTheCallerAndRoles() {
        CredentialValidationResult valid =
                cut.validate(new UsernamePasswordCredential("alice", new Password("alice's password")));
        assertEquals(CredentialValidationResult.Status.VALID, valid.getStatus());
        assertEquals("alice", valid.getCallerPrincipal().getName());
        assertEquals(Set.of("staff"), valid.getCallerGroups());

        assertEquals(
                CredentialValidationResult.Status.INVALID,
                cut.validate(new UsernamePasswordCredential("alice", new Password("wrong")))
                        .getStatus());
    }

    @Test
    void otherCredentialsAreNotItsBusiness() {
        assertEquals(
                CredentialValidationResult.Status.NOT_VALIDATED,
                cut.validate(new jakarta.security.enterprise.credential.RememberMeCredential("token"))
                        .getStatus());
    }

    @Test
    void basicCredentialsAreUsernameAndPassword() {
        var basic = new BasicAuthenticationCredential(java.util.Base64.getEncoder()
                .encodeToString("alice:alice's password".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(
                CredentialValidationResult.Status.VALID, cut.validate(basic).getStatus());
    }
}
