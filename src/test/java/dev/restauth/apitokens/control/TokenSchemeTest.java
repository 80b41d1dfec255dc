package dev.restauth.apitokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.audit.control.TestAudits;
import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.jwt.control.TestCodecs;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.entity.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DRF's TokenAuthentication, word for word. */
class TokenSchemeTest {

    TokenScheme cut;
    InMemoryApiTokens table;
    List<AuditEvent> audited;
    User alice;
    User inactive;

    @BeforeEach
    void wire() {
        TestCodecs.MovableClock clock = new TestCodecs.MovableClock();
        alice = InMemoryUsers.user(7, "alice", "staff");
        inactive = InMemoryUsers.user(8, "gone");
        inactive.setActive(false, Instant.now());
        table = new InMemoryApiTokens();
        audited = new ArrayList<>();
        cut = new TokenScheme();
        cut.keys = table.verifiedKeys(clock, Duration.ofSeconds(10));
        cut.uses = table.tokenUses(clock);
        cut.users = new InMemoryUsers(alice, inactive).statusCache(clock);
        cut.audit = TestAudits.into(audited);
    }

    @Test
    void aLiveKeyIsItsUserWithTheTokenLeftOnTheRequest() {
        String key = table.issue(7, null);
        Caller caller = cut.authenticate(List.of(key));
        assertEquals("alice", caller.name());
        assertEquals(Set.of("staff", "authenticated"), caller.roles());
        assertEquals(1L, caller.attributes().get(TokenScheme.TOKEN_ID));
        assertEquals(1, table.touches(), "the use is recorded");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''| Invalid token header. No credentials provided.",
                "a b| Invalid token header. Token string should not contain spaces.",
                "café| Invalid token header. Token string should not contain invalid characters.",
                "0000000000000000000000000000000000000000| Invalid token.",
                "'OR'1'='1'--| Invalid token."
            })
    void badHeadersGetDrfsMessagesAndAreAudited(String parts, String detail) {
        List<String> credentials = parts.isEmpty() ? List.of() : List.of(parts.split(" "));
        ApiError refused = assertThrows(ApiError.class, () -> cut.authenticate(credentials));
        assertEquals(401, refused.status());
        assertEquals(detail, refused.body().detail());
        assertEquals("Token", refused.headers().get("WWW-Authenticate"));
        assertEquals(AuditEvent.Type.TOKEN_REJECTED, audited.get(0).type());
    }

    @Test
    void anInactiveOrRemovedUsersKeyIsRefusedAsDrfDoes() {
        for (long userId : new long[] {8, 9}) {
            String key = table.issue(userId, null);
            ApiError refused = assertThrows(ApiError.class, () -> cut.authenticate(List.of(key)));
            assertEquals("User inactive or deleted.", refused.body().detail());
        }
    }
}
