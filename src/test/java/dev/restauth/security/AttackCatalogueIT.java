package dev.restauth.security;

import static dev.restauth.testsupport.DrfAnswers.GIVEN_TOKEN_NOT_VALID;
import static dev.restauth.testsupport.DrfAnswers.assertBearerRejected;
import static dev.restauth.testsupport.DrfAnswers.assertTokenNotValid;
import static dev.restauth.testsupport.Http.assertJsonError;
import static dev.restauth.testsupport.Jwts.b64;
import static dev.restauth.testsupport.Jwts.part;
import static dev.restauth.testsupport.Jwts.random;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.RawHttp;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attack catalogue (security research §2), black-box against the running server: forged and
 * mis-typed tokens, hostile values in every token-carrying field and header, oversized headers
 * and bodies. Each answer is the exact DRF/SimpleJWT one, and never a 5xx. Claims that only our
 * private key can sign are checked in-container (InContainerIT); hostile login fields in
 * HostileCredentialsIT and HostileAccountFieldsIT.
 */
class AttackCatalogueIT {

    /** Where this class's requests come from, once the test server trusts one proxy. */
    static final String CLIENT = "198.51.100.20";

    static final String INVALID = "Token is invalid";
    static final int TEN_MIB = 10 * 1024 * 1024;

    /** The token fields of SimpleJWT's endpoints. */
    static final Map<String, String> TOKEN_FIELDS = Map.of(
            "/api/token/refresh/", "refresh",
            "/api/token/verify/", "token",
            "/api/token/blacklist/", "refresh");

    /** What an attacker puts where a token belongs; bytes that are not UTF-8 are sent raw, separately. */
    static final List<String> HOSTILE_TOKENS = List.of(
            "' OR '1'='1' --",
            "'; DROP TABLE refresh_tokens; --",
            "eyJhbGciOiJFUzI1NiJ9.e30.' OR 1=1 --",
            "nul\u0000byte",
            "ctl\u0007\u001b\r\nchars",
            "a".repeat(60_000));

    static HttpResponse<String> hello(String authorization) {
        return Http.get("/api/hello/", "Authorization", authorization, "X-Forwarded-For", CLIENT);
    }

    static HttpResponse<String> postJson(String path, String field, String value) {
        return Http.send(
                "POST",
                path,
                "application/json",
                Json.createObjectBuilder().add(field, value).build().toString(),
                "X-Forwarded-For",
                CLIENT);
    }

    /** Refused as a Bearer token and by every token endpoint. */
    static void assertRefusedEverywhere(String token) {
        assertBearerRejected(hello("Bearer " + token), INVALID);
        TOKEN_FIELDS.forEach((path, field) -> assertTokenNotValid(postJson(path, field, token), INVALID));
    }

    @ParameterizedTest(name = "alg {0} on the {1} token")
    @CsvSource({"none, access", "None, access", "NONE, access", "nOnE, access", "none, refresh", "nOnE, refresh"})
    void algNoneIsRefusedInEveryCaseWithOrWithoutASignature(String alg, String type) {
        var pair = TestUsers.login(TestUsers.create("admin"));
        String token = type.equals("access") ? pair.access() : pair.refresh();
        String[] parts = token.split("\\.");
        String header = b64(
                Json.createObjectBuilder(part(token, 0)).add("alg", alg).build().toString());
        assertRefusedEverywhere(header + "." + parts[1] + ".");
        assertRefusedEverywhere(header + "." + parts[1] + "." + parts[2]);
        assertEquals(200, hello("Bearer " + pair.access()).statusCode(), "the genuine token still works");
    }
    /**
     * RFC 7516 compact JWE: header.encrypted_key.iv.ciphertext.tag. We issue no JWE, so any is
     * refused before decryption: no PBES2 iteration count or decompression is ever honoured.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"alg\":\"PBES2-HS512+A256KW\",\"enc\":\"A256GCM\",\"p2c\":2147483647,\"p2s\":\"c2FsdHNhbHQ\"}",
                "{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"zip\":\"DEF\"}",
                "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"cty\":\"JWT\"}",
                "{\"alg\":\"ECDH-ES\",\"enc\":\"A128CBC-HS256\",\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\"}}"
            })
    void jweShapedFiveSegmentTokensAreRefused(String header) {
        assertRefusedEverywhere(String.join(".", b64(header), random(40), random(12), random(300), random(16)));
        assertRefusedEverywhere(String.join(".", b64(header), "", random(12), random(300), random(16)));
    }

    @Test
    void deeplyNestedJsonUnderAForeignSignatureIsRefused() {
        // CVE-2025-53864's pattern; with our own signature it is checked in-container.
        var pair = TestUsers.login(TestUsers.create());
        String nested = "[".repeat(10_000) + "]".repeat(10_000);
        JsonObject header = part(pair.access(), 0);
        String claims = part(pair.access(), 1).toString();
        String deepClaims = b64(claims.substring(0, claims.length() - 1) + ",\"nested\":" + nested + "}");
        String deepHeader =
                b64(header.toString().substring(0, header.toString().length() - 1) + ",\"nested\":" + nested + "}");
        String signature = random(64);
        assertRefusedEverywhere(b64(header.toString()) + "." + deepClaims + "." + signature);
        assertRefusedEverywhere(deepHeader + "." + b64(claims) + "." + signature);
        assertRefusedEverywhere(b64("{\"alg\":\"none\"}") + "." + deepClaims + ".");
    }

    @Test
    void anAccessTokenCannotBlacklistARefreshFamily() {
        var pair = TestUsers.login(TestUsers.create());
        assertTokenNotValid(postJson("/api/token/blacklist/", "refresh", pair.access()), "Token has wrong type");

        assertEquals(200, hello("Bearer " + pair.access()).statusCode(), "nothing was revoked");
        var refreshed = postJson("/api/token/refresh/", "refresh", pair.refresh());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
    }

    static Stream<Arguments> hostileTokenFields() {
        return TOKEN_FIELDS.entrySet().stream().flatMap(endpoint -> HOSTILE_TOKENS.stream()
                .map(value -> Arguments.of(endpoint.getKey(), endpoint.getValue(), value)));
    }

    @ParameterizedTest(name = "{0} {1}: {index}")
    @MethodSource("hostileTokenFields")
    void hostileValuesInTokenFieldsAreInvalidTokens(String path, String field, String value) {
        assertTokenNotValid(postJson(path, field, value), INVALID);
        assertTokenNotValid(
                Http.send(
                        "POST",
                        path,
                        "application/x-www-form-urlencoded",
                        field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
                        "X-Forwarded-For",
                        CLIENT),
                INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/token/refresh/, refresh", "/api/token/verify/, token", "/api/token/blacklist/, refresh"})
    void bytesThatAreNotUtf8InTokenFieldsAreInvalidTokens(String path, String field) {
        assertTokenNotValid(
                sendBytes(path, "application/json", concat("{\"" + field + "\":\"ab", NOT_UTF8, "cd\"}")), INVALID);
        assertTokenNotValid(
                sendBytes(path, "application/x-www-form-urlencoded", concat(field + "=ab", NOT_UTF8, "cd")), INVALID);
    }

    static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28};

    static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(middle);
        bytes.writeBytes(after.getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    static HttpResponse<String> sendBytes(String path, String contentType, byte[] body) {
        return Http.sendBody(
                "POST", path, contentType, HttpRequest.BodyPublishers.ofByteArray(body), "X-Forwarded-For", CLIENT);
    }

    static Stream<String> hostileValues() {
        return Stream.of("'OR'1'='1'--", "eyJhbGciOiJFUzI1NiJ9.e30.'--", "%00", "a".repeat(30_000));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileValues")
    void hostileBearerValuesAreInvalidTokens(String value) {
        assertBearerRejected(hello("Bearer " + value), INVALID);
    }

    /** Bytes java.net.http refuses to send in a header; a socket does not. */
    static Stream<byte[]> hostileBytes() {
        return Stream.of(bytes("nul\u0000byte"), bytes("ctl\u0001\u0007\u001bchars"), bytes("del\u007f"), NOT_UTF8);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileBytes")
    void hostileBearerBytesAreInvalidTokens(byte[] value) {
        RawHttp.Answer response = rawGet(concat("Bearer ", value, ""));
        assertEquals(401, response.status(), response.head());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(GIVEN_TOKEN_NOT_VALID, body.getString("detail"));
        assertEquals(INVALID, body.getJsonArray("messages").getJsonObject(0).getString("message"));
    }

    static Stream<String> hostileKeys() {
        return Stream.of("'OR'1'='1'--", "0123456789abcdef0123456789abcdef0123456'", "a".repeat(30_000));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileKeys")
    void hostileTokenKeysAreInvalidTokens(String value) {
        var response = hello("Token " + value);
        assertJsonError(response, 401, "Invalid token.");
        assertEquals("Token", response.headers().firstValue("WWW-Authenticate").orElse(null));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostileBytes")
    void hostileTokenKeyBytesAreInvalidCharacters(byte[] value) {
        RawHttp.Answer response = rawGet(concat("Token ", value, ""));
        assertEquals(401, response.status(), response.head());
        assertEquals(
                "{\"detail\":\"Invalid token header. Token string should not contain invalid characters.\"}",
                response.body());
    }

    /**
     * Liberty answers an oversized header and closes the connection with the rest of the request
     * unread, so the kernel may reset it before the client has read the 400: then ask again.
     */
    static HttpResponse<String> untilAnswered(Supplier<HttpResponse<String>> request) {
        UncheckedIOException reset = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return request.get();
            } catch (UncheckedIOException e) {
                reset = e;
            }
        }
        throw reset;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Token ", "Basic "})
    void headersOf64KibAreRefusedByTheHttpChannel(String scheme) {
        // Liberty's HTTP channel refuses a header over its limit before the application sees it:
        // a bare 400 with no body (documented in the README), never a 5xx.
        String big = "a".repeat(64 * 1024);
        String authorization = scheme + big;
        for (var response : List.of(
                untilAnswered(() -> hello(authorization)),
                untilAnswered(() -> Http.send(
                        "POST",
                        "/api/token/",
                        "application/json",
                        "{}",
                        "Authorization",
                        authorization,
                        "X-Forwarded-For",
                        CLIENT)))) {
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("", response.body());
        }
    }

    /** Every POST endpoint, with credentials where it needs them: only the size can be wrong. */
    static Map<String, String[]> postEndpoints(TestUsers.Credentials user) {
        String target = "/api/users/" + user.username() + "/";
        return Map.of(
                "/api/token/",
                new String[0],
                "/api/token/refresh/",
                new String[0],
                "/api/token/verify/",
                new String[0],
                "/api/token/blacklist/",
                new String[0],
                "/api/auth-token/",
                new String[0],
                "/api/token/logout-all/",
                new String[] {"Authorization", user.basic()},
                "/api/auth-tokens/",
                new String[] {"Authorization", user.basic()},
                "/api/users/me/password/",
                new String[] {"Authorization", user.basic()},
                "/api/users/",
                new String[] {"Authorization", TestUsers.ADMIN.basic()},
                target + "auth-token/import",
                new String[] {"Authorization", TestUsers.ADMIN.basic()});
    }

    static String[] withClient(String[] headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-Forwarded-For";
        all[headers.length + 1] = CLIENT;
        return all;
    }

    static byte[] tenMibJson() {
        byte[] body = new byte[TEN_MIB];
        Arrays.fill(body, (byte) 'a');
        byte[] open = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, body, 0, open.length);
        body[TEN_MIB - 2] = '"';
        body[TEN_MIB - 1] = '}';
        return body;
    }

    static void assertTooLarge(String path, HttpResponse<String> response) {
        assertEquals(413, response.statusCode(), path + ": " + response.body());
        assertEquals(
                Json.createObjectBuilder()
                        .add("detail", "Request body too large.")
                        .build(),
                Http.json(response),
                path);
    }

    @Test
    void bodiesOf10MibAreRefusedWith413() {
        var user = TestUsers.create();
        byte[] body = tenMibJson();
        List<Executable> checks = new ArrayList<>();
        for (var endpoint : postEndpoints(user).entrySet()) {
            var response = Http.sendBody(
                    "POST",
                    endpoint.getKey(),
                    "application/json",
                    HttpRequest.BodyPublishers.ofByteArray(body),
                    withClient(endpoint.getValue()));
            checks.add(() -> assertTooLarge(endpoint.getKey(), response));
        }
        assertAll(checks);
        assertEquals(200, Http.get("/api/hello/", "Authorization", user.basic()).statusCode(), "nothing changed");
    }

    @Test
    void chunkedJsonBodiesOf10MibAreRefusedWith413() {
        // Without a Content-Length the size is only known by reading: the limit must hold anyway,
        // or a client streams gigabytes into the JSON reader. (logout-all reads no body.)
        var user = TestUsers.create();
        byte[] body = tenMibJson();
        List<Executable> checks = new ArrayList<>();
        for (var endpoint : postEndpoints(user).entrySet()) {
            if (endpoint.getKey().endsWith("logout-all/")) {
                continue;
            }
            var response = Http.sendBody(
                    "POST",
                    endpoint.getKey(),
                    "application/json",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                    withClient(endpoint.getValue()));
            checks.add(() -> assertTooLarge(endpoint.getKey(), response));
        }
        assertAll(checks);
    }

    @Test
    void chunkedFormBodiesOf10MibAreRefusedWith413() {
        var user = TestUsers.create();
        byte[] body = tenMibJson();
        System.arraycopy("padding=".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 8);
        List<Executable> checks = new ArrayList<>();
        for (var endpoint : postEndpoints(user).entrySet()) {
            if (endpoint.getKey().endsWith("logout-all/") || endpoint.getKey().startsWith("/api/users/")) {
                continue; // no body, or JSON only
            }
            var response = Http.sendBody(
                    "POST",
                    endpoint.getKey(),
                    "application/x-www-form-urlencoded",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                    withClient(endpoint.getValue()));
            checks.add(() -> assertTooLarge(endpoint.getKey(), response));
        }
        assertAll(checks);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A GET of a protected resource with this exact Authorization value, bytes and all. */
    static RawHttp.Answer rawGet(byte[] authorization) {
        return RawHttp.send(
                "GET",
                "/api/hello/",
                concat("X-Forwarded-For: " + CLIENT + "\r\nAuthorization: ", authorization, "\r\n"),
                null);
    }
}
