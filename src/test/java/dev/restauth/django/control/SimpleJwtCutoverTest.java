package dev.restauth.django.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.jwt.control.TokenCodec;
import dev.restauth.testsupport.DjangoDumps;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the cutover is on: a key and a deadline, and only before the deadline (a fixed clock). */
class SimpleJwtCutoverTest {

    static final String KEY_FILE = "src/test/resources/django/jwt/hs256/TEST-ONLY-hs256-secret.txt";
    static final String SECRET = DjangoDumps.resource("jwt/hs256/settings.json").getString("SIGNING_KEY");

    static SimpleJwtCutover cut(String key, String keyFile, String deadline, String now) {
        SimpleJwtCutover cut = new SimpleJwtCutover();
        cut.key = Optional.ofNullable(key);
        cut.keyLocation = Optional.ofNullable(keyFile);
        cut.algorithm = "HS256";
        cut.audience = Optional.empty();
        cut.issuer = Optional.empty();
        cut.userIdClaim = "user_id";
        cut.deadline = Optional.ofNullable(deadline).map(Instant::parse);
        cut.clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        cut.configure();
        return cut;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "before the deadline,                     inline, 2026-12-02T00:00:00Z, 2026-12-01T23:59:59Z, true",
        "the key from its file,                   file,   2026-12-02T00:00:00Z, 2026-12-01T23:59:59Z, true",
        "at the deadline,                         inline, 2026-12-02T00:00:00Z, 2026-12-02T00:00:00Z, false",
        "after the deadline,                      inline, 2026-12-02T00:00:00Z, 2027-01-01T00:00:00Z, false",
        "without a deadline,                      inline,                     , 2026-12-01T00:00:00Z, false",
        "without a key,                           none,   2026-12-02T00:00:00Z, 2026-12-01T00:00:00Z, false",
    })
    void oldTokensAreAcceptedOnlyWithAKeyAndBeforeTheDeadline(
            String when, String key, String deadline, String now, boolean accepted) {
        SimpleJwtCutover cut =
                cut(key.equals("inline") ? SECRET : null, key.equals("file") ? KEY_FILE : null, deadline, now);
        JsonObject alice = DjangoDumps.resource("jwt/hs256/tokens.json")
                .getJsonArray("tokens")
                .getJsonObject(0);
        assertEquals("alice-1", alice.getString("name"));
        assertEquals(
                accepted,
                cut.verify(alice.getString("access"), TokenCodec.ACCESS).isPresent());
        assertEquals(
                accepted,
                cut.verify(alice.getString("refresh"), TokenCodec.REFRESH).isPresent());
        assertEquals(Optional.empty(), cut.verify(alice.getString("access"), "verify"));
    }
}
