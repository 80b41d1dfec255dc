package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.errors.control.ApiError;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jwt side of the cutover: our user rules before an old refresh token is spent, once. */
class LegacyTokenExchangeTest {

    /** After the test users were made (a minute ago), so not below their watermark. */
    static final Instant ISSUED = Instant.ofEpochSecond(Instant.now().getEpochSecond());

    User alice = InMemoryUsers.user(2, "alice");
    User mallory = InMemoryUsers.user(15, "mallory");
    List<AuditEvent> audited = new ArrayList<>();
    Set<String> spent = new HashSet<>();
    LegacyTokenExchange cut;

    /** Every token string is "valid": its text is the user id. */
    class FakeOldService implements LegacyTokens {
        @Override
        public Optional<Verified> verify(String token, String type) {
            return token.matches("[0-9]+")
                    ? Optional.of(
                            new Verified(Long.parseLong(token), "jti-" + token, ISSUED, ISSUED.plusSeconds(60), null))
                    : Optional.empty();
        }

        @Override
        public boolean exchange(Verified refresh) {
            return spent.add(refresh.jti());
        }
    }

    @BeforeEach
    @SuppressWarnings("unchecked")
    void wire() {
        mallory.setActive(false, ISSUED.plusSeconds(1));
        cut = new LegacyTokenExchange();
        cut.legacy = mock(Instance.class);
        when(cut.legacy.isResolvable()).thenReturn(true);
        when(cut.legacy.get()).thenReturn(new FakeOldService());
        cut.users = new InMemoryUsers(alice, mallory);
        cut.audit = TestAudits.into(audited);
    }

    @Test
    void anOldRefreshTokenIsSpentOnceForItsActiveUser() {
        assertEquals(Optional.of(alice), cut.exchange("2"));
        assertEquals(1, audited.size());
        assertThrows(ApiError.class, () -> cut.exchange("2"));
    }

    @Test
    void anInactiveOrUnknownUserOrARevokedTokenIsRefusedWithoutSpendingIt() {
        assertThrows(ApiError.class, () -> cut.exchange("15"));
        assertThrows(ApiError.class, () -> cut.exchange("99"));
        alice.revokeTokens(ISSUED.plusSeconds(5));
        assertThrows(ApiError.class, () -> cut.exchange("2"));
        assertEquals(Set.of(), spent);
    }

    @Test
    void anythingElseIsNoOldTokenAndWithoutTheDjangoComponentNothingIs() {
        assertEquals(Optional.empty(), cut.exchange("eyJ-not-one"));
        cut.legacy = TestCodecs.noLegacyTokens().legacy;
        assertEquals(Optional.empty(), cut.verify("2", TokenCodec.ACCESS));
    }

    @Test
    void anAcceptedOldAccessTokenIsAuditedOnceNotAtEveryRequest() {
        LegacyTokens.Verified access = cut.verify("2", TokenCodec.ACCESS).orElseThrow();
        cut.accepted(access, "alice");
        cut.accepted(access, "alice");
        assertEquals(1, audited.size());
    }
}
