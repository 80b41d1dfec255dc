package dev.restauth.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.Changes;
import dev.restauth.platform.control.ChangesMissed;
import dev.restauth.users.entity.User;
import dev.restauth.users.entity.UserChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserStatusCacheTest {

    TestCodecs.MovableClock clock;
    InMemoryUsers table;
    User alice;
    UserStatusCache cut;

    @BeforeEach
    void wire() {
        clock = new TestCodecs.MovableClock();
        alice = InMemoryUsers.user(7, "alice", "staff");
        table = new InMemoryUsers(alice);
        cut = table.statusCache(clock);
    }

    @Test
    void aStatusIsLoadedOnceWithinTheTtl() {
        assertEquals(
                Set.of("staff", "authenticated"), cut.status(7).orElseThrow().roles());
        cut.status(7);
        assertEquals(1, table.finds());
        clock.advance(Duration.ofSeconds(6));
        cut.status(7);
        assertEquals(2, table.finds(), "changes made on another node show after the TTL");
    }

    @Test
    void aChangeOnThisNodeDropsTheEntryAtOnce() {
        assertTrue(cut.status(7).orElseThrow().active());
        alice.setActive(false, Instant.now());
        cut.onChange(new UserChanged(7));
        assertFalse(cut.status(7).orElseThrow().active());
    }

    @Test
    void aChangeOnThisNodeIsPublishedForTheOthers() {
        List<Change> published = new ArrayList<>();
        cut.changes = new Changes() {
            @Override
            public void publish(Change change) {
                published.add(change);
            }
        };
        cut.publish(new UserChanged(7));
        assertEquals(List.of(Change.user(7)), published);
    }

    @Test
    void aChangeOnAnyNodeDropsThatUsersEntryOnly() {
        cut.status(7);
        cut.status(8);
        cut.onChangeAnywhere(Change.apiTokensOf(7));
        cut.onChangeAnywhere(Change.user(8));
        cut.status(7);
        assertEquals(2, table.finds(), "another kind of entry");
        cut.onChangeAnywhere(Change.user(7));
        cut.status(7);
        assertEquals(3, table.finds());
    }

    @Test
    void missedChangesDropEverything() {
        cut.status(7);
        cut.status(8);
        cut.onChangesMissed(new ChangesMissed());
        cut.status(7);
        cut.status(8);
        assertEquals(4, table.finds());
    }

    @Test
    void anAbsentUserIsRememberedToo() {
        assertTrue(cut.status(9).isEmpty());
        assertTrue(cut.status(9).isEmpty());
        assertEquals(1, table.finds());
        assertEquals(1, cut.stats().hitCount());
    }

    @Test
    void theWatermarkRuleIsTheEntitysRule() {
        Instant issued = alice.tokenIssuedAt(Instant.now());
        alice.revokeTokens(Instant.now());
        assertTrue(cut.status(7).orElseThrow().revoked(issued));
        assertFalse(cut.status(7).orElseThrow().revoked(alice.tokenIssuedAt(Instant.now())));
    }
}
