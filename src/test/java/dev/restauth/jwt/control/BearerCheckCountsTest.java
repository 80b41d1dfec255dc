package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.errors.control.ApiError;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.jwt.auth.cdi.PrincipalProducer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every Bearer check lands in exactly one outcome of {@code restauth_token_checks_total}. */
class BearerCheckCountsTest {

    @Test
    void eachOutcomeIsCountedOnce() {
        TestCodecs.MovableClock clock = new TestCodecs.MovableClock();
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        TokenCodec codec = TestCodecs.codec(clock);
        User alice = InMemoryUsers.user(7, "alice", "staff");
        User gone = InMemoryUsers.user(8, "gone");
        gone.setActive(false, now.minusSeconds(30));
        User revoked = InMemoryUsers.user(9, "revoked");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BearerScheme cut = new BearerScheme();
        cut.codec = codec;
        cut.legacy = TestCodecs.noLegacyTokens();
        cut.users = new InMemoryUsers(alice, gone, revoked).statusCache(clock);
        cut.jsonWebTokens = mock(PrincipalProducer.class);
        cut.audit = TestAudits.into(new ArrayList<>());
        cut.meters = meters;
        cut.registerMeters();

        // Expired by the wall clock, which SmallRye's parser reads, well beyond any clock skew.
        String expired =
                TestCodecs.mint(codec, TokenCodec.ACCESS, alice, now.minusSeconds(3600), now.minusSeconds(900));
        String beforeWatermark = TestCodecs.accessToken(codec, revoked, now.minusSeconds(10));
        revoked.revokeTokens(now);
        cut.authenticate(List.of(TestCodecs.accessToken(codec, alice, now)));
        refuse(cut, TestCodecs.accessToken(codec, gone, now));
        refuse(cut, TestCodecs.accessToken(codec, InMemoryUsers.user(10, "removed"), now));
        refuse(cut, beforeWatermark);
        refuse(cut, "not.a.jwt");
        refuse(cut, TestCodecs.refreshToken(codec, alice, now));
        refuse(cut, expired);

        Map<String, Double> counts = new TreeMap<>();
        meters.find("restauth.token.checks")
                .tag("scheme", "bearer")
                .counters()
                .forEach(counter -> counts.put(counter.getId().getTag("outcome"), counter.count()));
        assertEquals(Map.of("accepted", 1.0, "expired", 1.0, "inactive", 2.0, "invalid", 2.0, "revoked", 1.0), counts);
    }

    private static void refuse(BearerScheme cut, String token) {
        assertEquals(
                401,
                assertThrows(ApiError.class, () -> cut.authenticate(List.of(token)))
                        .status());
    }
}
