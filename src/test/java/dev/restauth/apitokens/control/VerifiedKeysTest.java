package dev.restauth.apitokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.ChangesMissed;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cache of checked keys: what it remembers, for how long, and what makes it forget. */
class VerifiedKeysTest {

    TestCodecs.MovableClock clock;
    InMemoryApiTokens table;
    VerifiedKeys cut;

    @BeforeEach
    void wire() {
        clock = new TestCodecs.MovableClock();
        table = new InMemoryApiTokens();
        cut = table.verifiedKeys(clock, Duration.ofSeconds(10));
    }

    @Test
    void aCheckedKeyIsRememberedForTheTtl() {
        String key = table.issue(7, null);
        assertEquals(7, cut.authenticate(key).orElseThrow().userId());
        cut.authenticate(key);
        assertEquals(1, table.lookups(), "the second check came from the cache");

        clock.advance(Duration.ofSeconds(11));
        cut.authenticate(key);
        assertEquals(2, table.lookups(), "looked up again after the TTL");
        assertTrue(cut.stats().hitCount() >= 1);
    }

    @Test
    void revokingForgetsTheTokenAtOnce() {
        String key = table.issue(7, null);
        long id = cut.authenticate(key).orElseThrow().tokenId();
        table.revoke(id, Instant.now());
        cut.forgetToken(id);
        assertTrue(cut.authenticate(key).isEmpty());
    }

    @Test
    void revokingAUsersTokensForgetsEveryOneOfThem() {
        String first = table.issue(7, null);
        String second = table.issue(7, null);
        String others = table.issue(8, null);
        cut.authenticate(first);
        cut.authenticate(second);
        cut.authenticate(others);
        table.find(1).orElseThrow().revoke(Instant.now());
        table.find(2).orElseThrow().revoke(Instant.now());
        cut.forgetUser(7);
        assertTrue(cut.authenticate(first).isEmpty());
        assertTrue(cut.authenticate(second).isEmpty());
        assertEquals(8, cut.authenticate(others).orElseThrow().userId());
    }

    @Test
    void aRevocationOnAnyNodeForgetsThatToken() {
        String key = table.issue(7, null);
        String other = table.issue(7, null);
        long id = cut.authenticate(key).orElseThrow().tokenId();
        cut.authenticate(other);
        table.revoke(id, Instant.now());
        cut.onChangeAnywhere(Change.apiToken(id));
        assertTrue(cut.authenticate(key).isEmpty());
        cut.authenticate(other);
        assertEquals(3, table.lookups(), "the other one is still remembered");
    }

    @Test
    void aUsersTokensRevokedOnAnyNodeAreForgotten() {
        String key = table.issue(7, null);
        cut.authenticate(key);
        table.find(1).orElseThrow().revoke(Instant.now());
        cut.onChangeAnywhere(Change.user(7));
        assertTrue(cut.authenticate(key).isPresent(), "a user's status is not this cache's business");
        cut.onChangeAnywhere(Change.apiTokensOf(7));
        assertTrue(cut.authenticate(key).isEmpty());
    }

    @Test
    void missedChangesForgetEveryKey() {
        String first = table.issue(7, null);
        String second = table.issue(8, null);
        cut.authenticate(first);
        cut.authenticate(second);
        cut.onChangesMissed(new ChangesMissed());
        cut.authenticate(first);
        cut.authenticate(second);
        assertEquals(4, table.lookups());
    }

    @Test
    void aLookupThatOverlappedARevocationIsNotRemembered() {
        String key = table.issue(7, null);
        table.afterLookup = () -> cut.onChangeAnywhere(Change.apiToken(1));
        assertTrue(cut.authenticate(key).isPresent(), "it read the row before the revocation committed");
        table.afterLookup = () -> {};
        table.revoke(1, Instant.now());
        assertTrue(cut.authenticate(key).isEmpty(), "and did not put the stale row into the cache");
    }

    @Test
    void anExpiredTokenIsRefusedEvenFromTheCache() {
        String key = table.issue(7, clock.instant().plusSeconds(5));
        assertTrue(cut.authenticate(key).isPresent());
        clock.advance(Duration.ofSeconds(6));
        assertTrue(cut.authenticate(key).isEmpty());
    }

    @Test
    void aRefusedKeyIsRememberedForTheTtl() {
        String unknown = table.keys.newKey();
        for (int i = 0; i < 100; i++) {
            assertTrue(cut.authenticate(unknown).isEmpty());
        }
        assertEquals(1, table.lookups(), "a flood of one bad key costs one query");

        clock.advance(Duration.ofSeconds(11));
        assertTrue(cut.authenticate(unknown).isEmpty());
        assertEquals(2, table.lookups(), "looked up again after the TTL");
    }

    @Test
    void aRevokedKeyIsRefusedFromMemoryToo() {
        String key = table.issue(7, null);
        long id = cut.authenticate(key).orElseThrow().tokenId();
        table.revoke(id, Instant.now());
        cut.forgetToken(id);
        cut.authenticate(key);
        cut.authenticate(key);
        assertEquals(2, table.lookups());
    }

    @Test
    void aKeyImportedAfterItWasRefusedWorksAtOnce() {
        String drfKey = table.keys.newKey();
        assertTrue(cut.authenticate(drfKey).isEmpty());

        table.add(7, drfKey);
        cut.forgetRefusal(drfKey);

        assertEquals(7, cut.authenticate(drfKey).orElseThrow().userId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "0123456789ABCDEF0123456789abcdef01234567", "'OR'1'='1'--"})
    void aKeyThatCannotBeOursIsNeverLookedUp(String key) {
        assertTrue(cut.authenticate(key).isEmpty());
        assertEquals(0, table.lookups());
    }
}
