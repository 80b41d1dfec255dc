package dev.restauth.django.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.jwt.control.LegacyTokens;
import dev.restauth.testsupport.DjangoDumps;
import dev.restauth.testsupport.Jwts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The claim and algorithm checks, against tokens real SimpleJWT 5.2.2 minted (the committed fixtures). */
class DjangoTokenVerifierTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final String SECRET = DjangoDumps.resource("jwt/hs256/settings.json").getString("SIGNING_KEY");

    static DjangoTokenVerifier verifier(String variant) {
        return switch (variant) {
            case "hs256" -> new DjangoTokenVerifier("HS256", SECRET, null, null, "user_id");
            case "rs256" ->
                new DjangoTokenVerifier(
                        "RS256",
                        DjangoDumps.file("jwt/rs256/rs256-public.pem"),
                        "legacy-django",
                        "https://legacy-django.example",
                        "user_id");
            default ->
                new DjangoTokenVerifier("ES256", DjangoDumps.file("jwt/es256/es256-public.pem"), null, null, "user_id");
        };
    }

    static JsonObject fixture(String variant, String name) {
        return DjangoDumps.resource("jwt/" + variant + "/tokens.json")
                .getJsonArray("tokens")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(token -> token.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"hs256, access", "hs256, refresh", "rs256, access", "rs256, refresh", "es256, access", "es256, refresh"
    })
    void realSimpleJwtTokensVerifyWithTheirUserJtiAndTimes(String variant, String type) {
        JsonObject fixture = fixture(variant, "alice-1");
        DjangoTokenVerifier cut = verifier(variant);
        LegacyTokens.Verified verified =
                cut.verify(fixture.getString(type), type, NOW).orElseThrow();
        JsonObject claims = fixture.getJsonObject(type + "_claims");
        assertEquals(2, verified.userId());
        assertEquals(claims.getString("jti"), verified.jti());
        assertEquals(Instant.ofEpochSecond(claims.getJsonNumber("iat").longValue()), verified.issuedAt());
        assertEquals(Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()), verified.expiresAt());
        assertEquals(claims.getString("jti"), verified.jwt().getTokenID());
    }

    @ParameterizedTest
    @CsvSource({"access, refresh", "refresh, access"})
    void aTokenOfTheOtherTypeIsRefused(String type, String asked) {
        assertEquals(
                Optional.empty(),
                verifier("hs256").verify(fixture("hs256", "alice-1").getString(type), asked, NOW));
    }

    @ParameterizedTest
    @CsvSource({"hs256, access", "hs256, refresh", "rs256, access", "es256, refresh"})
    void expiredTokensAreRefused(String variant, String type) {
        assertEquals(
                Optional.empty(),
                verifier(variant).verify(fixture(variant, "alice-expired").getString(type), type, NOW));
    }

    @ParameterizedTest(name = "{0} key, {1} token")
    @CsvSource({"hs256, rs256", "hs256, es256", "rs256, hs256", "rs256, es256", "es256, hs256", "es256, rs256"})
    void onlyTheConfiguredAlgorithmIsAccepted(String key, String token) {
        assertEquals(
                Optional.empty(), verifier(key).verify(fixture(token, "alice-1").getString("access"), "access", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"an audience it did not set", "another audience", "another issuer"})
    void audienceAndIssuerAreCheckedAsPyJwtDoes(String what) {
        DjangoTokenVerifier cut =
                switch (what) {
                    case "an audience it did not set" ->
                        new DjangoTokenVerifier(
                                "RS256",
                                DjangoDumps.file("jwt/rs256/rs256-public.pem"),
                                null,
                                "https://legacy-django.example",
                                "user_id");
                    case "another audience" ->
                        new DjangoTokenVerifier(
                                "RS256",
                                DjangoDumps.file("jwt/rs256/rs256-public.pem"),
                                "other",
                                "https://legacy-django.example",
                                "user_id");
                    default ->
                        new DjangoTokenVerifier(
                                "RS256",
                                DjangoDumps.file("jwt/rs256/rs256-public.pem"),
                                "legacy-django",
                                "https://other.example",
                                "user_id");
                };
        assertEquals(Optional.empty(), cut.verify(fixture("rs256", "alice-1").getString("access"), "access", NOW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "alg none,                   none,  ",
        "another secret,             HS256, another",
        "HS512 with the same secret, HS512, SAME",
        "a kid,                      HS256, SAME",
        "a user id claim missing,    HS256, SAME",
        "a user id that is a name,   HS256, SAME",
        "no jti,                     HS256, SAME",
    })
    void forgedAndMisshapenTokensAreRefused(String what, String alg, String secret) throws GeneralSecurityException {
        var claims = Json.createObjectBuilder(fixture("hs256", "alice-1").getJsonObject("access_claims"));
        switch (what) {
            case "a user id claim missing" -> claims.remove("user_id");
            case "a user id that is a name" -> claims.add("user_id", "alice");
            case "no jti" -> claims.remove("jti");
            default -> {}
        }
        var header = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
        if (what.equals("a kid")) {
            header.add("kid", "k1");
        }
        String token = alg.equals("none")
                ? Jwts.b64(header.build().toString()) + "."
                        + Jwts.b64(claims.build().toString()) + "."
                : Jwts.mintHmac("SAME".equals(secret) ? SECRET : secret, header.build(), claims.build());
        assertEquals(Optional.empty(), verifier("hs256").verify(token, "access", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_id", "uid"})
    void theUserIdClaimIsTheConfiguredOne(String claim) throws GeneralSecurityException {
        JsonObject claims = Json.createObjectBuilder(fixture("hs256", "alice-1").getJsonObject("access_claims"))
                .remove("user_id")
                .add(claim, "42")
                .build();
        String token = Jwts.mintHmac(
                SECRET,
                Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build(),
                claims);
        DjangoTokenVerifier cut = new DjangoTokenVerifier("HS256", SECRET, null, null, "uid");
        assertEquals(
                claim.equals("uid") ? 42L : -1L,
                cut.verify(token, "access", NOW)
                        .map(LegacyTokens.Verified::userId)
                        .orElse(-1L));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"2|2", "s:7|7", "0|-1", "-3|-1", "s:x7|-1", "2.5|-1", "s:|-1"})
    void userIdsAreSimpleJwtsIntegerPks(String json, long expected) {
        Object claim = json.startsWith("s:")
                ? json.substring(2)
                : json.contains(".") ? Double.valueOf(json) : (Object) Long.valueOf(json);
        assertEquals(expected, DjangoTokenVerifier.userId(claim));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "an HMAC algorithm with a public key PEM, HS256, rs256",
        "RS256 with an EC key,                    RS256, es256",
        "ES256 with an RSA key,                   ES256, rs256",
        "RS256 with a secret,                     RS256, secret",
        "an unknown algorithm,                    none,  secret",
    })
    void aKeyThatDoesNotFitTheAlgorithmStopsTheStartWithoutShowingIt(String what, String alg, String key) {
        String text = key.equals("secret") ? SECRET : DjangoDumps.file("jwt/" + key + "/" + key + "-public.pem");
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class, () -> new DjangoTokenVerifier(alg, text, null, null, "user_id"));
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("django.cutover."), refused.getMessage());
    }
}
