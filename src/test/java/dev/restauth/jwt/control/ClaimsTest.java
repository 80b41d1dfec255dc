package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Claims read whatever shape the parser hands them over in. */
class ClaimsTest {

    static JsonWebToken withClaim(String name, Object value) {
        JsonWebToken jwt = mock(JsonWebToken.class);
        when(jwt.getClaim(name)).thenReturn(value);
        return jwt;
    }

    @Test
    void aClaimIsTextAsStringOrAsJson() {
        assertEquals("7", Claims.text(withClaim("user_id", "7"), "user_id"));
        assertEquals("7", Claims.text(withClaim("user_id", Json.createValue("7")), "user_id"));
        assertEquals("7", Claims.text(withClaim("user_id", 7L), "user_id"));
        assertNull(Claims.text(withClaim("user_id", null), "user_id"));
    }

    @ParameterizedTest
    @CsvSource(
            value = {"7, 7", "0, 0", "abc, -1", "NULL, -1", "'', -1", "99999999999999999999, -1"},
            nullValues = "NULL")
    void aUserIdWeCouldHaveIssuedOrMinusOne(String claim, long userId) {
        assertEquals(userId, Claims.userId(withClaim("user_id", claim)));
    }

    @Test
    void theTypHeaderIsReadFromTheFirstPart() {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("at+jwt", Claims.typHeader(header + ".payload.signature"));
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(Claims.typHeader(none + ".payload.signature"));
    }
}
