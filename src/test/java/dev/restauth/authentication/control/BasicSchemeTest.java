package dev.restauth.authentication.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.authentication.entity.Caller;
import dev.restauth.errors.control.ApiError;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.users.control.InMemoryUsers;
import dev.restauth.users.control.TestIdentityStores;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasicSchemeTest {

    BasicScheme cut;
    List<AuditEvent> audited;

    @BeforeEach
    void wire() {
        audited = new ArrayList<>();
        var alice = TestIdentityStores.withPassword(InMemoryUsers.user(7, "alice", "staff"), "correct horse");
        cut = new BasicScheme();
        cut.users = TestIdentityStores.over(new InMemoryUsers(alice), audited);
        cut.clients = new ClientAddress(); // no request here: no client, no request line
    }

    static List<String> encoded(String credentials) {
        return List.of(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theRightPasswordIsTheUserWithTheirRolesAndNoAuditLine() {
        Caller caller = cut.authenticate(encoded("alice:correct horse"));
        assertEquals("alice", caller.name());
        assertEquals(Set.of("staff", "authenticated"), caller.roles());
        assertTrue(audited.isEmpty(), "Basic is no login: " + audited);
    }

    @Test
    void aWrongPasswordIs401AndAuditedAsAFailedLogin() {
        ApiError refused = assertThrows(ApiError.class, () -> cut.authenticate(encoded("alice:wrong")));
        assertEquals(401, refused.status());
        assertEquals("Invalid username/password.", refused.body().detail());
        assertEquals("Basic realm=\"api\"", refused.headers().get("WWW-Authenticate"));
        assertEquals(AuditEvent.Type.LOGIN_FAILED, audited.get(0).type());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''| Invalid basic header. No credentials provided.",
                "a b| Invalid basic header. Credentials string should not contain spaces.",
                "!!!!| Invalid basic header. Credentials not correctly base64 encoded.",
                "bm8tY29sb24=| Invalid basic header. Credentials not correctly base64 encoded."
            })
    void malformedCredentialsGetDrfsMessages(String parts, String detail) {
        List<String> credentials = parts.isEmpty() ? List.of() : List.of(parts.split(" "));
        ApiError refused = assertThrows(ApiError.class, () -> cut.authenticate(credentials));
        assertEquals(detail, refused.body().detail());
        assertEquals("Basic realm=\"api\"", refused.headers().get("WWW-Authenticate"));
        assertTrue(audited.isEmpty(), "no password was checked");
    }

    @Test
    void anUnknownUserGetsTheAnswerOfAWrongPassword() {
        ApiError refused = assertThrows(ApiError.class, () -> cut.authenticate(encoded("mallory:whatever")));
        assertEquals("Invalid username/password.", refused.body().detail());
    }
}
