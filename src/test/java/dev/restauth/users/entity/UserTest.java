package dev.restauth.users.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTest {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00.100Z");

    @Test
    void tokensIssuedBeforeARevocationInTheSameSecondAreRevoked() {
        var cut = new User("alice", "hash", List.of(), CREATED);
        Instant issued = cut.tokenIssuedAt(CREATED.plusMillis(100));
        cut.revokeTokens(CREATED.plusMillis(400));
        assertTrue(cut.revoked(issued));
    }

    @Test
    void tokensIssuedAfterARevocationInTheSameSecondAreNot() {
        var cut = new User("alice", "hash", List.of(), CREATED);
        cut.revokeTokens(CREATED.plusMillis(400));
        assertFalse(cut.revoked(cut.tokenIssuedAt(CREATED.plusMillis(500))));
    }

    @Test
    void everyRevocationRevokesEverythingIssuedBeforeIt() {
        var cut = new User("alice", "hash", List.of(), CREATED);
        cut.revokeTokens(CREATED.plusMillis(200));
        Instant between = cut.tokenIssuedAt(CREATED.plusMillis(300));
        cut.revokeTokens(CREATED.plusMillis(400));
        assertTrue(cut.revoked(between));
        assertFalse(cut.revoked(cut.tokenIssuedAt(CREATED.plusMillis(450))));
    }

    @Test
    void tokensOfANewUserAreValid() {
        var cut = new User("alice", "hash", List.of(), CREATED);
        assertFalse(cut.revoked(cut.tokenIssuedAt(CREATED)));
    }
}
