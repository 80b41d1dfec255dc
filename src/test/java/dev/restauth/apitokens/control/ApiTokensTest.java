package dev.restauth.apitokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.apitokens.entity.ImportedKey;
import dev.restauth.apitokens.entity.IssuedToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.apitokens.entity.TokenLogin;
import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.FieldMessages;
import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.entity.RequestOrigin;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.control.TestIdentityStores;
import dev.restauth.users.entity.TokensRevoked;
import dev.restauth.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issuing, importing and revoking API tokens: keys shown once, stored hashed, revoked at once. */
class ApiTokensTest {

    TestCodecs.MovableClock clock;
    InMemoryApiTokens table;
    List<AuditEvent> audited;
    User alice;
    User bob;
    ApiTokens cut;
    ApiTokenLogins logins;
    UserTokenRevocations revocations;

    @BeforeEach
    void wire() {
        clock = new TestCodecs.MovableClock();
        table = new InMemoryApiTokens();
        audited = new ArrayList<>();
        alice = TestIdentityStores.withPassword(InMemoryUsers.user(7, "alice"), "alice's password");
        bob = InMemoryUsers.user(8, "bob");
        cut = new ApiTokens();
        cut.store = table;
        cut.keys = table.keys;
        cut.verifiedKeys = table.verifiedKeys(clock, Duration.ofSeconds(10));
        cut.requests = new ApiTokenRequests();
        cut.requests.defaultLifetime = "never";
        cut.audit = TestAudits.into(audited);
        cut.clients = new ClientAddress();
        cut.clock = clock;
        logins = new ApiTokenLogins();
        logins.requests = cut.requests;
        logins.identityStore = TestIdentityStores.over(new InMemoryUsers(alice, bob), audited);
        logins.tokens = cut;
        revocations = new UserTokenRevocations();
        revocations.tokens = cut;
        revocations.revokeOnPasswordChange = true;
    }

    static final RequestOrigin LAPTOP = new RequestOrigin("198.51.100.9", "POST /api/auth-token/");

    /** A login as the resource awaits it; a refusal is the cause of the stage's failure. */
    IssuedToken obtain(TokenLogin login) {
        try {
            return logins.obtain(login, LAPTOP).toCompletableFuture().join();
        } catch (CompletionException failed) {
            throw (RuntimeException) failed.getCause();
        }
    }

    @Test
    void anIssuedKeyAuthenticatesItsOwnerAndIsStoredOnlyAsADigest() {
        IssuedToken issued = cut.issue(alice, new NewToken(" ci ", "P1D"));
        assertTrue(TokenKeys.isWellFormed(issued.token()));
        assertEquals("ci", issued.name());
        assertEquals(clock.instant(), issued.created());
        assertEquals(clock.instant().plus(Duration.ofDays(1)), issued.expires());
        assertEquals(
                7, cut.verifiedKeys.authenticate(issued.token()).orElseThrow().userId());
        var row = table.find(issued.id()).orElseThrow();
        assertEquals(table.keys.digest(issued.token()), row.digest());
        assertFalse(row.digest().contains(issued.token()));
        assertEquals(AuditEvent.Type.TOKEN_ISSUED, audited.get(0).type());
        assertEquals("alice", audited.get(0).username());
        assertEquals("API token " + issued.id(), audited.get(0).detail());
    }

    @Test
    void everyIssueIsANewKey() {
        assertFalse(cut.issue(alice, new NewToken(null, null))
                .token()
                .equals(cut.issue(alice, new NewToken(null, null)).token()));
        assertEquals(2, cut.of(alice).size());
    }

    @Test
    void aLoginWithTheRightPasswordIssuesAKey() {
        IssuedToken issued = obtain(new TokenLogin("alice", "alice's password", "laptop"));
        assertEquals("laptop", issued.name());
        assertNull(issued.expires(), "DRF's keys never expire by default");
        assertTrue(cut.verifiedKeys.authenticate(issued.token()).isPresent());
        AuditEvent recorded = audited.get(audited.size() - 1);
        assertEquals(AuditEvent.Type.TOKEN_ISSUED, recorded.type());
        assertEquals("198.51.100.9", recorded.client(), "the login's origin, not the hashing thread's");
    }

    @ParameterizedTest
    @CsvSource({"alice, wrong password", "nobody, alice's password", "bob, anything"})
    void aFailedLoginIssuesNothingAndSaysWhatDrfSays(String username, String password) {
        ApiError refused = assertThrows(ApiError.class, () -> obtain(new TokenLogin(username, password, null)));
        assertEquals(400, refused.status());
        assertEquals(Map.of("non_field_errors", List.of(ApiTokenLogins.UNABLE_TO_LOG_IN)), FieldMessages.of(refused));
        assertTrue(table.ofUser(7).isEmpty());
        assertTrue(table.ofUser(8).isEmpty());
    }

    @Test
    void aLoginWithoutFieldsNamesThem() {
        ApiError refused = assertThrows(ApiError.class, () -> obtain(new TokenLogin(null, "", null)));
        assertEquals(
                Map.of(
                        "username",
                        List.of("This field is required."),
                        "password",
                        List.of("This field may not be blank.")),
                FieldMessages.of(refused));
    }

    @Test
    void anImportedDrfKeyKeepsWorkingAndIsNeverShownAgain() {
        String drfKey = "0123456789abcdef0123456789abcdef01234567";
        IssuedToken imported = cut.importKey(alice, new ImportedKey(drfKey, null));
        assertNull(imported.token());
        assertNull(imported.expires());
        assertEquals("imported", imported.name());
        assertEquals(7, cut.verifiedKeys.authenticate(drfKey).orElseThrow().userId());
        assertEquals(
                "API token " + imported.id() + " imported from DRF",
                audited.get(0).detail());
        assertEquals(
                "ci",
                cut.importKey(bob, new ImportedKey(drfKey.replace('0', 'f'), "ci"))
                        .name());
    }

    @Test
    void aKeyAlreadyInUseCannotBeImportedAgain() {
        String key = cut.issue(alice, new NewToken(null, null)).token();
        ApiError refused = assertThrows(ApiError.class, () -> cut.importKey(bob, new ImportedKey(key, null)));
        assertEquals(List.of("This key is already in use."), refused.messages("key"));
        assertTrue(table.ofUser(8).isEmpty());
    }

    @Test
    void aMalformedImportIsAFieldError() {
        ApiError refused = assertThrows(ApiError.class, () -> cut.importKey(alice, new ImportedKey("short", null)));
        assertTrue(refused.fields().containsKey("key"));
    }

    @Test
    void aBulkImportedKeyIsCreatedOnceAndAnotherUsersKeyIsAConflict() {
        String drfKey = "0123456789abcdef0123456789abcdef01234567";
        Instant created = Instant.parse("2020-01-02T03:04:05Z");
        assertEquals(ImportedKey.Outcome.CREATED, cut.importKey(7, drfKey, created, true));
        assertTrue(table.ofUser(7).isEmpty(), "a dry run writes nothing");

        assertEquals(ImportedKey.Outcome.CREATED, cut.importKey(7, drfKey, created, false));
        assertEquals(created, table.ofUser(7).get(0).createdAt());
        assertEquals(7, cut.verifiedKeys.authenticate(drfKey).orElseThrow().userId());
        assertEquals(ImportedKey.Outcome.UNCHANGED, cut.importKey(7, drfKey, null, false));
        assertEquals(ImportedKey.Outcome.CONFLICT, cut.importKey(8, drfKey, null, false));
        assertEquals(1, table.ofUser(7).size());
        assertTrue(table.ofUser(8).isEmpty());

        String undated = drfKey.replace('0', 'e');
        cut.importKey(8, undated, null, false);
        assertEquals(clock.instant(), table.ofUser(8).get(0).createdAt(), "no creation time: now");
    }

    @Test
    void revokingEndsTheKeyAtOnceButOnlyTheOwnerMayRevoke() {
        IssuedToken issued = cut.issue(alice, new NewToken(null, null));
        cut.verifiedKeys.authenticate(issued.token()); // cached now
        assertFalse(cut.revoke(bob, issued.id()), "not bob's");
        assertTrue(cut.verifiedKeys.authenticate(issued.token()).isPresent());
        assertFalse(cut.revoke(alice, 999));

        assertTrue(cut.revoke(alice, issued.id()));
        assertTrue(cut.verifiedKeys.authenticate(issued.token()).isEmpty());
        assertTrue(cut.of(alice).isEmpty());
        AuditEvent revoked = audited.get(audited.size() - 1);
        assertEquals(AuditEvent.Type.TOKEN_REVOKED, revoked.type());
        assertEquals("API token " + issued.id(), revoked.detail());
    }

    @ParameterizedTest
    @CsvSource({
        "LOGOUT_ALL, true, true",
        "LOGOUT_ALL, false, true",
        "PASSWORD_CHANGED, true, true",
        "PASSWORD_CHANGED, false, false",
        "DEACTIVATED, true, false",
        "REMOVED, true, false"
    })
    void whichRevocationsEndTheUsersKeys(TokensRevoked.Reason reason, boolean onPasswordChange, boolean ended) {
        revocations.revokeOnPasswordChange = onPasswordChange;
        String key = cut.issue(alice, new NewToken(null, null)).token();
        String bobs = cut.issue(bob, new NewToken(null, null)).token();
        cut.verifiedKeys.authenticate(key);
        revocations.onTokensRevoked(new TokensRevoked(7, reason));
        assertEquals(ended, cut.verifiedKeys.authenticate(key).isEmpty());
        assertTrue(cut.verifiedKeys.authenticate(bobs).isPresent(), "another user's key stays");
    }

    @Test
    void revokeAllEndsEveryKeyOfTheUser() {
        String first = cut.issue(alice, new NewToken(null, null)).token();
        String second = cut.issue(alice, new NewToken(null, null)).token();
        cut.verifiedKeys.authenticate(first);
        cut.revokeAll(7);
        assertTrue(cut.verifiedKeys.authenticate(first).isEmpty());
        assertTrue(cut.verifiedKeys.authenticate(second).isEmpty());
        assertNotNull(table.find(1).orElseThrow());
    }
}
