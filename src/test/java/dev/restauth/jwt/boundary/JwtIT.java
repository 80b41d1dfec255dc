package dev.restauth.jwt.boundary;

import static dev.restauth.Http.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.Http;
import dev.restauth.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SimpleJWT's endpoints and Bearer authentication, over HTTP against the running server. */
class JwtIT {

    static final String BEARER_CHALLENGE = "Bearer realm=\"api\"";

    static HttpResponse<String> post(String path, String json) {
        return Http.send("POST", path, "application/json", json);
    }

    static String field(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }

    static JsonObject part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }

    static HttpResponse<String> hello(String access) {
        return Http.get("/api/hello/", "Authorization", "Bearer " + access);
    }

    static void assertTokenNotValid(HttpResponse<String> response, String detail) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(detail, Http.json(response).getString("detail"));
        assertEquals("token_not_valid", Http.json(response).getString("code"));
        assertEquals(
                BEARER_CHALLENGE,
                response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    static void assertBearerRejected(HttpResponse<String> response, String reason) {
        assertTokenNotValid(response, "Given token not valid for any token type");
        JsonObject message = Http.json(response).getJsonArray("messages").getJsonObject(0);
        assertEquals("AccessToken", message.getString("token_class"));
        assertEquals("access", message.getString("token_type"));
        assertEquals(reason, message.getString("message"));
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
        assertEquals(claims.getString("sub"), claims.getString("user_id"));
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
            assertEquals(200, revoked.get().statusCode(), revoked.get().body());
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
        Http.send(
                "PATCH",
                "/api/users/" + user.username() + "/",
                "application/json",
                "{\"active\":false}",
                "Authorization",
                TestUsers.ADMIN.basic());
        var inactive = hello(renewed.access());
        assertEquals(401, inactive.statusCode());
        assertEquals("user_inactive", Http.json(inactive).getString("code"));
        assertTokenNotValid(post("/api/token/verify/", field("token", renewed.access())), "Token is blacklisted");
    }

    @Test
    void forgedAndMalformedTokensAre401() {
        String access = TestUsers.login(TestUsers.create("admin")).access();
        String[] parts = access.split("\\.");
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());
        String payload = part(access, 1).toString().replace("\"admin\"", "\"root\"");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        for (String forged : new String[] {
            none + "." + parts[1] + ".",
            tampered,
            parts[0] + "." + parts[1] + ".",
            parts[0] + "." + parts[1],
            parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20),
            "a.b.c.d.e",
            "not-a-jwt"
        }) {
            assertBearerRejected(hello(forged), "Token is invalid");
        }
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

    /** A token signed here, with a key the server has never seen, claiming whatever we like. */
    static String mintEs256(JsonObject header, JsonObject claims) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(generator.generateKeyPair().getPrivate());
        String input = b64(header.toString()) + "." + b64(claims.toString());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject with(JsonObject original, String name, String value) {
        return Json.createObjectBuilder(original).add(name, value).build();
    }

    @Test
    void tokensSignedWithAnotherKeyAreRefusedWhateverTheHeaderSays() throws Exception {
        String access = TestUsers.login(TestUsers.create()).access();
        JsonObject header = part(access, 0);
        JsonObject claims = part(access, 1);
        String attackerJwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}";
        for (JsonObject forgedHeader : List.of(
                header, // our kid, another key
                with(header, "kid", "unknown-kid"),
                with(header, "kid", "../../etc/passwd' OR 1=1 --"),
                with(header, "jku", "http://127.0.0.1:1/jwks.json"),
                with(header, "x5u", "http://127.0.0.1:1/cert.pem"),
                Json.createObjectBuilder(header)
                        .add(
                                "jwk",
                                Json.createReader(new StringReader(attackerJwk)).readObject())
                        .build())) {
            assertBearerRejected(hello(mintEs256(forgedHeader, claims)), "Token is invalid");
        }
    }

    @Test
    void hs256SignedWithOurPublicKeyIsRefused() throws Exception {
        String access = TestUsers.login(TestUsers.create()).access();
        String jwks = Http.get("/.well-known/jwks.json").body();
        JsonObject header =
                Json.createObjectBuilder(part(access, 0)).add("alg", "HS256").build();
        String input = b64(header.toString()) + "." + b64(part(access, 1).toString());
        // Key confusion (CVE-2015-9235 style): the published key used as an HMAC secret.
        for (byte[] secret : List.of(
                jwks.getBytes(StandardCharsets.UTF_8),
                Http.json(Http.get("/.well-known/jwks.json"))
                        .getJsonArray("keys")
                        .getJsonObject(0)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8))) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String forged = input + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertBearerRejected(hello(forged), "Token is invalid");
        }
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
