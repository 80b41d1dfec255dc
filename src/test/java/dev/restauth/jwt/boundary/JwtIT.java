package dev.restauth.jwt.boundary;

import static dev.restauth.testsupport.DrfAnswers.BEARER_CHALLENGE;
import static dev.restauth.testsupport.DrfAnswers.assertBearerRejected;
import static dev.restauth.testsupport.DrfAnswers.assertTokenNotValid;
import static dev.restauth.testsupport.Http.assertJsonError;
import static dev.restauth.testsupport.Jwts.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SimpleJWT's endpoints and Bearer authentication, over HTTP against the running server. */
class JwtIT {

    static HttpResponse<String> post(String path, String json) {
        return Http.send("POST", path, "application/json", json);
    }

    static String field(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }

    static HttpResponse<String> hello(String access) {
        return Http.get("/api/hello/", "Authorization", "Bearer " + access);
    }

    @Test
    void loginIssuesAPairWithSimpleJwtAndMicroProfileClaims() {
        var user = TestUsers.create("staff");
        var response = post(
                "/api/token/", "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String access = Http.json(response).getString("access");

        JsonObject header = part(access, 0);
        assertEquals("ES256", header.getString("alg"));
        assertEquals("at+jwt", header.getString("typ"));
        assertFalse(header.getString("kid").isBlank());
        JsonObject claims = part(access, 1);
        assertEquals("access", claims.getString("token_type"));
        assertEquals(user.username(), claims.getString("username"));
        assertEquals(user.username(), claims.getString("upn"));
        assertEquals(
                Long.parseLong(claims.getString("sub")),
                claims.getJsonNumber("user_id").longValueExact(),
                "user_id is the primary key as a JSON number, as SimpleJWT issues it");
        assertTrue(claims.getString("jti").matches("[0-9a-f]{32}"));
        assertEquals("restauth", claims.getString("iss"));
        assertEquals(
                300,
                claims.getJsonNumber("exp").longValue()
                        - claims.getJsonNumber("iat").longValue());
        assertEquals("staff", claims.getJsonArray("groups").getString(0));

        JsonObject refreshClaims = part(Http.json(response).getString("refresh"), 1);
        assertEquals("refresh", refreshClaims.getString("token_type"));
        assertEquals(
                "refresh+jwt", part(Http.json(response).getString("refresh"), 0).getString("typ"));
        assertEquals(
                86400,
                refreshClaims.getJsonNumber("exp").longValue()
                        - refreshClaims.getJsonNumber("iat").longValue());
    }

    @Test
    void loginAcceptsFormBodiesAndIgnoresTheAuthorizationHeader() {
        var user = TestUsers.create();
        var response = Http.send(
                "POST",
                "/api/token/",
                "application/x-www-form-urlencoded",
                "username=" + user.username() + "&password=" + user.password(),
                "Authorization",
                "Bearer not-a-token");
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void refreshVerifyAndBlacklistAcceptFormBodiesToo() {
        var pair = TestUsers.login(TestUsers.create());
        var refreshed = Http.send(
                "POST", "/api/token/refresh/", "application/x-www-form-urlencoded", "refresh=" + pair.refresh());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String refresh = Http.json(refreshed).getString("refresh");
        assertEquals(
                200,
                Http.send("POST", "/api/token/verify/", "application/x-www-form-urlencoded", "token=" + refresh)
                        .statusCode());
        assertEquals(
                200,
                Http.send("POST", "/api/token/blacklist/", "application/x-www-form-urlencoded", "refresh=" + refresh)
                        .statusCode());
    }

    @Test
    void malformedFormBodiesAre400() {
        assertJsonError(
                Http.send("POST", "/api/token/", "application/x-www-form-urlencoded", "username=%zz&password=%"),
                400,
                "Malformed request.");
    }

    @Test
    void wrongCredentialsAre401NoActiveAccount() {
        var user = TestUsers.create();
        var response = post("/api/token/", "{\"username\":\"" + user.username() + "\",\"password\":\"wrong\"}");
        assertJsonError(response, 401, "No active account found with the given credentials");
        assertEquals(
                BEARER_CHALLENGE,
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @Test
    void missingFieldsAre400() {
        var response = post("/api/token/", "{}");
        assertEquals(400, response.statusCode());
        assertEquals(
                "This field is required.",
                Http.json(response).getJsonArray("username").getString(0));
        assertEquals(
                "This field is required.",
                Http.json(response).getJsonArray("password").getString(0));
    }

    @Test
    void accessTokenAuthenticatesAsBearer() {
        var user = TestUsers.create();
        var response = hello(TestUsers.login(user).access());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Hello, " + user.username() + "!", Http.json(response).getString("message"));
    }

    @Test
    void rolesComeFromTheUserForRolesAllowed() {
        assertEquals(
                200,
                Http.get(
                                "/api/admin/",
                                "Authorization",
                                "Bearer "
                                        + TestUsers.login(TestUsers.create("admin"))
                                                .access())
                        .statusCode());
        var staff = Http.get(
                "/api/admin/",
                "Authorization",
                "Bearer " + TestUsers.login(TestUsers.create("staff")).access());
        assertJsonError(staff, 403, "You do not have permission to perform this action.");
    }

    @Test
    void refreshTokenIsNotAnAccessToken() {
        var user = TestUsers.create();
        assertBearerRejected(hello(TestUsers.login(user).refresh()), "Token has wrong type");
        assertTokenNotValid(
                post(
                        "/api/token/refresh/",
                        field("refresh", TestUsers.login(user).access())),
                "Token has wrong type");
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheFamily() {
        var first = TestUsers.login(TestUsers.create());
        var rotated = post("/api/token/refresh/", field("refresh", first.refresh()));
        assertEquals(200, rotated.statusCode(), rotated.body());
        String second = Http.json(rotated).getString("refresh");
        assertNotEquals(first.refresh(), second);
        assertEquals(200, hello(Http.json(rotated).getString("access")).statusCode());

        assertTokenNotValid(post("/api/token/refresh/", field("refresh", first.refresh())), "Token is blacklisted");
        assertTokenNotValid(post("/api/token/refresh/", field("refresh", second)), "Token is blacklisted");
    }

    @Test
    void parallelRefreshesOfOneTokenHaveOneWinner() throws Exception {
        var pair = TestUsers.login(TestUsers.create());
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return post("/api/token/refresh/", field("refresh", pair.refresh()))
                        .statusCode();
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Integer> status : statuses) {
            int code = status.get();
            assertTrue(code == 200 || code == 401, "status " + code);
            ok += code == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok);
    }

    @Test
    void fiftyParallelLoginsAllSucceed() throws Exception {
        var user = TestUsers.create();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return post(
                                "/api/token/",
                                "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}")
                        .statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertEquals(200, status.get());
        }
        pool.shutdown();
    }

    @Test
    void revokeRacingRefreshLeavesNoUsableRefreshToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 5; round++) {
            var pair = TestUsers.login(TestUsers.create());
            CountDownLatch start = new CountDownLatch(1);
            Future<HttpResponse<String>> refreshed = pool.submit(() -> {
                start.await();
                return post("/api/token/refresh/", field("refresh", pair.refresh()));
            });
            Future<HttpResponse<String>> revoked = pool.submit(() -> {
                start.await();
                return post("/api/token/blacklist/", field("refresh", pair.refresh()));
            });
            start.countDown();
            // Blacklisting wins, or it finds the token rotated: a reuse, answered as SimpleJWT does.
            if (revoked.get().statusCode() != 200) {
                assertTokenNotValid(revoked.get(), "Token is blacklisted");
            }
            assertTokenNotValid(post("/api/token/refresh/", field("refresh", pair.refresh())), "Token is blacklisted");
            if (refreshed.get().statusCode() == 200) {
                String successor = Http.json(refreshed.get()).getString("refresh");
                assertTokenNotValid(post("/api/token/refresh/", field("refresh", successor)), "Token is blacklisted");
            } else {
                assertEquals(401, refreshed.get().statusCode());
            }
        }
        pool.shutdown();
    }

    @Test
    void blacklistingARotatedTokenIsRefusedAsSimpleJwtDoesAndRevokesTheFamily() {
        var first = TestUsers.login(TestUsers.create());
        var rotated = post("/api/token/refresh/", field("refresh", first.refresh()));
        assertEquals(200, rotated.statusCode(), rotated.body());

        assertTokenNotValid(post("/api/token/blacklist/", field("refresh", first.refresh())), "Token is blacklisted");

        String successor = Http.json(rotated).getString("refresh");
        assertTokenNotValid(post("/api/token/refresh/", field("refresh", successor)), "Token is blacklisted");
    }

    @Test
    void verifyAcceptsLiveTokensAndRefusesBlacklistedOnes() {
        var pair = TestUsers.login(TestUsers.create());
        var verified = post("/api/token/verify/", field("token", pair.access()));
        assertEquals(200, verified.statusCode(), verified.body());
        assertEquals("{}", verified.body());
        assertEquals(
                200, post("/api/token/verify/", field("token", pair.refresh())).statusCode());

        var blacklisted = post("/api/token/blacklist/", field("refresh", pair.refresh()));
        assertEquals(200, blacklisted.statusCode(), blacklisted.body());
        assertEquals("{}", blacklisted.body());
        assertTokenNotValid(post("/api/token/verify/", field("token", pair.refresh())), "Token is blacklisted");
        assertTokenNotValid(post("/api/token/refresh/", field("refresh", pair.refresh())), "Token is blacklisted");
        assertTokenNotValid(post("/api/token/blacklist/", field("refresh", pair.refresh())), "Token is blacklisted");
    }

    @Test
    void logoutAllKillsAccessAndRefreshTokens() {
        var user = TestUsers.create();
        var pair = TestUsers.login(user);
        assertEquals(
                200, post("/api/token/verify/", field("token", pair.access())).statusCode());
        var out = Http.send("POST", "/api/token/logout-all/", null, null, "Authorization", "Bearer " + pair.access());
        assertEquals(200, out.statusCode(), out.body());

        assertBearerRejected(hello(pair.access()), "Token is blacklisted");
        assertTokenNotValid(post("/api/token/verify/", field("token", pair.access())), "Token is blacklisted");
        assertTokenNotValid(post("/api/token/refresh/", field("refresh", pair.refresh())), "Token is blacklisted");
        assertEquals(200, hello(TestUsers.login(user).access()).statusCode(), "a new login works at once");
    }

    @Test
    void passwordChangeAndDeactivationEndAccessTokens() {
        var user = TestUsers.create();
        var pair = TestUsers.login(user);
        var changed = Http.send(
                "POST",
                "/api/users/me/password/",
                "application/json",
                "{\"old_password\":\"" + user.password() + "\",\"new_password\":\"another long secret\"}",
                "Authorization",
                "Bearer " + pair.access());
        assertEquals(200, changed.statusCode(), changed.body());
        assertBearerRejected(hello(pair.access()), "Token is blacklisted");
        assertTokenNotValid(post("/api/token/refresh/", field("refresh", pair.refresh())), "Token is blacklisted");

        var renewed = TestUsers.login(new TestUsers.Credentials(user.username(), "another long secret"));
        assertEquals(
                200,
                post("/api/token/verify/", field("token", renewed.access())).statusCode());
        TestUsers.patch(user.username(), "{\"active\":false}");
        var inactive = hello(renewed.access());
        assertEquals(401, inactive.statusCode());
        assertEquals("user_inactive", Http.json(inactive).getString("code"));
        assertTokenNotValid(post("/api/token/verify/", field("token", renewed.access())), "Token is blacklisted");
    }

    /** Forgeries of a real admin's access token, and things that are no JWT at all. */
    static Stream<Arguments> forgedAndMalformed() {
        String access = TestUsers.login(TestUsers.create("admin")).access();
        String[] parts = access.split("\\.");
        String none = Jwts.b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        String payload = part(access, 1).toString().replace("\"admin\"", "\"root\"");
        String tampered = parts[0] + "." + Jwts.b64(payload) + "." + parts[2];
        return Stream.of(
                Arguments.of("alg none, no signature", none + "." + parts[1] + "."),
                Arguments.of("claims changed", tampered),
                Arguments.of("signature removed", parts[0] + "." + parts[1] + "."),
                Arguments.of("two segments", parts[0] + "." + parts[1]),
                Arguments.of("signature cut short", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20)),
                Arguments.of("five segments", "a.b.c.d.e"),
                Arguments.of("no JWT", "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedAndMalformed")
    void forgedAndMalformedTokensAre401(String what, String forged) {
        assertBearerRejected(hello(forged), "Token is invalid");
    }

    @Test
    void moreThanOneValueIsABadAuthorizationHeader() {
        assertJsonError(
                Http.get("/api/hello/", "Authorization", "Bearer a b"),
                401,
                "Authorization header must contain two space-delimited values");
    }

    @Test
    void jwksVerifiesOurTokensWithAnIndependentImplementation() throws Exception {
        String access = TestUsers.login(TestUsers.create()).access();
        var jwks = Http.json(Http.get("/.well-known/jwks.json"));
        String kid = part(access, 0).getString("kid");
        JsonObject key = jwks.getJsonArray("keys").stream()
                .map(k -> k.asJsonObject())
                .filter(k -> kid.equals(k.getString("kid")))
                .findFirst()
                .orElseThrow();
        assertEquals("EC", key.getString("kty"));
        assertFalse(key.containsKey("d"), "no private part in the JWKS");

        // The JDK's own ECDSA, not the library that signed: P-256 point from x/y, JWS R||S to DER.
        AlgorithmParameters curve = AlgorithmParameters.getInstance("EC");
        curve.init(new ECGenParameterSpec("secp256r1"));
        PublicKey publicKey = KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(
                        new ECPoint(unsigned(key.getString("x")), unsigned(key.getString("y"))),
                        curve.getParameterSpec(ECParameterSpec.class)));
        String[] parts = access.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    static JsonObject with(JsonObject original, String name, String value) {
        return Json.createObjectBuilder(original).add(name, value).build();
    }

    static Stream<Arguments> headersOfAnotherKey() {
        JsonObject header = part(TestUsers.login(TestUsers.create()).access(), 0);
        String attackerJwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}";
        return Stream.of(
                Arguments.of("our kid", header),
                Arguments.of("an unknown kid", with(header, "kid", "unknown-kid")),
                Arguments.of("a kid that is a path", with(header, "kid", "../../etc/passwd' OR 1=1 --")),
                Arguments.of("a jku", with(header, "jku", "http://127.0.0.1:1/jwks.json")),
                Arguments.of("an x5u", with(header, "x5u", "http://127.0.0.1:1/cert.pem")),
                Arguments.of(
                        "an embedded jwk",
                        Json.createObjectBuilder(header)
                                .add(
                                        "jwk",
                                        Json.createReader(new StringReader(attackerJwk))
                                                .readObject())
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headersOfAnotherKey")
    void tokensSignedWithAnotherKeyAreRefusedWhateverTheHeaderSays(String what, JsonObject forgedHeader)
            throws Exception {
        JsonObject claims = part(TestUsers.login(TestUsers.create()).access(), 1);
        assertBearerRejected(hello(Jwts.mintEs256(forgedHeader, claims)), "Token is invalid");
    }

    /** Key confusion (CVE-2015-9235 style): the published key used as an HMAC secret. */
    @ParameterizedTest(name = "the secret is {0}")
    @ValueSource(strings = {"the JWKS document", "its first key"})
    void hs256SignedWithOurPublicKeyIsRefused(String secretIs) throws Exception {
        String access = TestUsers.login(TestUsers.create()).access();
        var jwks = Http.get("/.well-known/jwks.json");
        String secret = secretIs.equals("the JWKS document")
                ? jwks.body()
                : Http.json(jwks).getJsonArray("keys").getJsonObject(0).toString();
        JsonObject header =
                Json.createObjectBuilder(part(access, 0)).add("alg", "HS256").build();
        String input =
                Jwts.b64(header.toString()) + "." + Jwts.b64(part(access, 1).toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String forged = input + "." + Jwts.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertBearerRejected(hello(forged), "Token is invalid");
    }

    @Test
    void psychicSignatureIsRefused() {
        // CVE-2022-21449: an ECDSA signature of r = s = 0.
        String access = TestUsers.login(TestUsers.create()).access();
        String[] parts = access.split("\\.");
        String zeros = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        assertBearerRejected(hello(parts[0] + "." + parts[1] + "." + zeros), "Token is invalid");
    }

    @Test
    void deletedUsersTokensAreRefused() {
        var user = TestUsers.create();
        String access = TestUsers.login(user).access();
        var deleted = Http.send(
                "DELETE", "/api/users/" + user.username() + "/", null, null, "Authorization", TestUsers.ADMIN.basic());
        assertEquals(204, deleted.statusCode());
        var response = hello(access);
        assertEquals(401, response.statusCode());
        assertEquals("user_not_found", Http.json(response).getString("code"));
    }

    static BigInteger unsigned(String base64url) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }
}
