package dev.restauth.throttling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.entity.RequestOrigin;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The throttle's rules over buckets kept in memory, as {@link ThrottleBuckets} keeps them in PostgreSQL. */
class LoginThrottleTest {

    static final RequestOrigin OFFICE = new RequestOrigin("198.51.100.1", "POST /api/token/");
    static final RequestOrigin HOME = new RequestOrigin("198.51.100.2", "POST /api/token/");

    LoginThrottle cut;
    InMemoryBuckets buckets;
    List<AuditEvent> audited;

    @BeforeEach
    void wire() {
        audited = new ArrayList<>();
        buckets = new InMemoryBuckets();
        cut = new LoginThrottle();
        cut.buckets = buckets;
        cut.audit = TestAudits.into(audited);
        cut.enabled = true;
        cut.limits = new LoginLimits();
        cut.limits.usernameFailures = 3;
        cut.limits.usernamePeriod = Duration.ofHours(1);
        cut.limits.ceilingFailures = 5;
        cut.limits.ceilingPeriod = Duration.ofHours(1);
        cut.limits.addressFailures = 4;
        cut.limits.addressPeriod = Duration.ofHours(1);
        cut.limits.knownClientPeriod = Duration.ofDays(30);
        cut.limits.init();
    }

    @Test
    void anAccountsFailuresFromOneAddressHoldItBackThereOnly() {
        fail("alice", OFFICE, 3);

        ApiError throttled = assertThrows(ApiError.class, () -> cut.begin("alice", OFFICE));
        assertEquals(429, throttled.status());
        assertEquals(AuditEvent.Type.LOGIN_THROTTLED, audited.get(0).type());
        assertEquals("198.51.100.1", audited.get(0).client(), "the origin handed in, not the thread's request");
        cut.begin("alice", HOME).succeeded();
        cut.begin("bob", OFFICE).succeeded();
    }

    @Test
    void anEmptyAddressRefusesNewcomersButNotTheAccountsThatLoggedInFromIt() {
        cut.begin("regular", OFFICE).succeeded();
        for (int i = 0; i < 4; i++) {
            fail("stuffed-" + i, OFFICE, 1);
        }

        assertEquals(
                429,
                assertThrows(ApiError.class, () -> cut.begin("newcomer", OFFICE))
                        .status());
        cut.begin("regular", OFFICE).succeeded();
        cut.begin("newcomer", HOME).succeeded();
    }

    @Test
    void theAccountsCeilingRefusesOnlyAddressesItHasNotLoggedInFrom() {
        cut.begin("alice", HOME).succeeded();
        fail("alice", new RequestOrigin("203.0.113.1", null), 2);
        fail("alice", new RequestOrigin("203.0.113.2", null), 2);
        fail("alice", new RequestOrigin("203.0.113.3", null), 1);

        assertEquals(
                429,
                assertThrows(ApiError.class, () -> cut.begin("alice", new RequestOrigin("203.0.113.4", null)))
                        .status());
        cut.begin("alice", HOME).succeeded();
    }

    @Test
    void checksStillRunningHoldTheLastTokensOfABucketWithFailures() {
        fail("alice", OFFICE, 1); // two left
        LoginThrottle.Attempt first = cut.begin("alice", OFFICE);
        LoginThrottle.Attempt second = cut.begin("alice", OFFICE);

        ApiError held = assertThrows(ApiError.class, () -> cut.begin("alice", OFFICE));
        assertEquals("1", held.headers().get("Retry-After"), "free again within a hash");
        first.succeeded();
        cut.begin("alice", OFFICE).abandoned();
        second.failed();
        cut.begin("alice", OFFICE).failed();
        assertEquals(
                429,
                assertThrows(ApiError.class, () -> cut.begin("alice", OFFICE)).status());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void checksAgainstAccountsWithoutFailuresAreNeverHeldBack(int concurrent) {
        for (int i = 0; i < concurrent; i++) {
            cut.begin("busy", OFFICE);
        }
        cut.begin("busy", OFFICE).succeeded();
    }

    @Test
    void withoutAClientAddressOnlyTheAccountIsCounted() {
        RequestOrigin nowhere = RequestOrigin.NONE;
        fail("alice", nowhere, 3);

        assertEquals(Set.of("pair", "account"), buckets.kinds());
        assertEquals(
                429,
                assertThrows(ApiError.class, () -> cut.begin("alice", nowhere)).status());
        cut.begin("alice", OFFICE).succeeded();
    }

    private void fail(String username, RequestOrigin origin, int times) {
        for (int i = 0; i < times; i++) {
            cut.begin(username, origin).failed();
        }
    }

    /** Bucket4j's local buckets, one per id, as the table holds one row per id. */
    static class InMemoryBuckets extends ThrottleBuckets {

        final Map<String, Bucket> rows = new HashMap<>();

        @Override
        Set<String> withRows(List<Key> keys) {
            return keys.stream().map(Key::id).filter(rows::containsKey).collect(Collectors.toSet());
        }

        @Override
        Tokens tokens(Key key) {
            EstimationProbe probe = rows.get(key.id()).estimateAbilityToConsume(1);
            return new Tokens(probe.getRemainingTokens(), probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill());
        }

        @Override
        void take(List<Key> keys) {
            for (Key key : keys) {
                rows.computeIfAbsent(key.id(), id -> {
                            LocalBucketBuilder builder = Bucket.builder();
                            for (var limit : key.limit().getBandwidths()) {
                                builder.addLimit(limit);
                            }
                            return builder.build();
                        })
                        .tryConsume(1);
            }
        }

        Set<String> kinds() {
            return rows.keySet().stream()
                    .map(id -> id.substring(0, id.indexOf(':')))
                    .collect(Collectors.toSet());
        }
    }
}
