package dev.restauth.django.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.DjangoDumps;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import dev.restauth.testsupport.ServerLog;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cutover from a Django SimpleJWT service, with tokens real SimpleJWT 5.2.2 minted
 * (src/test/resources/django/jwt/hs256/): both test nodes run with that fixture's TEST-ONLY key
 * and a deadline in 2099 (test-server.xml). The fixture users are imported with their Django pks,
 * which the tokens' {@code user_id} names (UserIdsAboveDjangoFixtures keeps those ids free), and
 * SimpleJWT's blacklist dump with them.
 */
class DjangoCutoverIT {

    static final URI B = URI.create(System.getProperty("restauth.url.b", "http://localhost:9081"));
    static final JsonObject HS256 = DjangoDumps.resource("jwt/hs256/tokens.json");
    static final String SECRET = DjangoDumps.resource("jwt/hs256/settings.json").getString("SIGNING_KEY");

    @BeforeAll
    static void importTheDjangoUsersWithTheirPksAndSimpleJwtsBlacklist() {
        // The fixture's admin (pk 1) meets the test servers' own admin there and is rejected.
        JsonObject users = DjangoImportIT.report(DjangoDumps.file("users-plain.json"), "");
        JsonObject counts = users.getJsonObject("users");
        assertEquals(20, counts.getInt("created") + counts.getInt("unchanged"), users.toString());
        JsonObject blacklist = DjangoImportIT.report(DjangoDumps.file("token-blacklist.json"), "");
        JsonObject blacklisted = blacklist.getJsonObject("blacklisted_tokens");
        assertEquals(2, blacklisted.getInt("created") + blacklisted.getInt("unchanged"), blacklist.toString());
    }

    static JsonObject fixture(String variant, String name) {
        JsonObject tokens = variant.equals("hs256") ? HS256 : DjangoDumps.resource("jwt/" + variant + "/tokens.json");
        return tokens.getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(token -> token.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    static HttpResponse<String> exchange(URI node, String refresh) {
        String body = Json.createObjectBuilder().add("refresh", refresh).build().toString();
        return Http.send(node, "POST", "/api/token/refresh/", "application/json", body);
    }

    static HttpResponse<String> hello(String access) {
        return Http.get("/api/hello/", "Authorization", "Bearer " + access);
    }

    static void assertTokenNotValid(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("token_not_valid", Http.json(response).getString("code"), response.body());
    }

    /** A SimpleJWT-shaped refresh token of alice (pk 2) with a fresh jti, signed with the fixture's key. */
    static String aliceRefresh(String jti) throws GeneralSecurityException {
        JsonObject claims = Json.createObjectBuilder(fixture("hs256", "alice-1").getJsonObject("refresh_claims"))
                .add("jti", jti)
                .build();
        return Jwts.mintHmac(SECRET, fixture("hs256", "alice-1").getJsonObject("refresh_header"), claims);
    }

    static String blacklistDump(long outstanding, String jti, long pointedAt) {
        return Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("model", "token_blacklist.outstandingtoken")
                        .add("pk", outstanding)
                        .add(
                                "fields",
                                Json.createObjectBuilder()
                                        .add("user", 2)
                                        .add("jti", jti)
                                        .add("token", "not read")
                                        .add("created_at", "2024-06-01T00:00:00Z")
                                        .add("expires_at", "2100-01-01T00:00:00Z")))
                .add(Json.createObjectBuilder()
                        .add("model", "token_blacklist.blacklistedtoken")
                        .add("pk", outstanding)
                        .add(
                                "fields",
                                Json.createObjectBuilder()
                                        .add("token", pointedAt)
                                        .add("blacklisted_at", "2024-06-02T00:00:00Z")))
                .build()
                .toString();
    }

    @Test
    void anOldRefreshTokenIsExchangedOnceForOurPairOnAnyNode() {
        String old = fixture("hs256", "alice-1").getString("refresh");
        HttpResponse<String> first = exchange(Http.BASE, old);
        assertEquals(200, first.statusCode(), first.body());
        JsonObject pair = Http.json(first);
        assertNotNull(Jwts.part(pair.getString("access"), 0).getString("kid", null), "our own token");
        HttpResponse<String> hello = hello(pair.getString("access"));
        assertEquals(200, hello.statusCode(), hello.body());
        assertEquals("Hello, alice!", Http.json(hello).getString("message"));
        assertEquals(200, exchange(Http.BASE, pair.getString("refresh")).statusCode(), "our refresh token works");

        assertTokenNotValid(exchange(B, old));
        assertTokenNotValid(exchange(Http.BASE, old));
    }

    @Test
    void twoNodesExchangingTheSameTokenAtOnceLetExactlyOneWin() {
        String old = fixture("hs256", "alice-2").getString("refresh");
        List<CompletableFuture<HttpResponse<String>>> answers = List.of(Http.BASE, B, Http.BASE, B).stream()
                .map(node -> CompletableFuture.supplyAsync(() -> exchange(node, old)))
                .toList();
        List<Integer> statuses = answers.stream()
                .map(answer -> answer.join().statusCode())
                .sorted()
                .toList();
        assertEquals(List.of(200, 401, 401, 401), statuses);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alice-3, alice", "jose-1, josé", "cjk-1, 用户七", "olivia-1, olivia"})
    void anOldAccessTokenIsAcceptedAsBearerOnBothNodes(String name, String username) {
        String access = fixture("hs256", name).getString("access");
        HttpResponse<String> response = hello(access);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Hello, " + username + "!", Http.json(response).getString("message"));
        HttpResponse<String> onB = Http.send(B, "GET", "/api/hello/", null, null, "Authorization", "Bearer " + access);
        assertEquals(200, onB.statusCode(), onB.body());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "hs256, alice-expired,    access,  expired",
        "hs256, alice-expired,    refresh, expired",
        "hs256, bob-expired,      refresh, expired",
        "hs256, alice-logged-out, refresh, blacklisted by SimpleJWT (token-blacklist.json)",
        "hs256, bob-logged-out,   refresh, blacklisted by SimpleJWT (token-blacklist.json)",
        "rs256, alice-1,          access,  RS256 while the old service's key is HS256",
        "rs256, alice-1,          refresh, RS256 while the old service's key is HS256",
        "es256, alice-1,          access,  ES256 while the old service's key is HS256",
        "es256, alice-1,          refresh, ES256 while the old service's key is HS256",
    })
    void refusedOldTokensAreInvalidLikeAnyOther(String variant, String name, String type, String why) {
        String token = fixture(variant, name).getString(type);
        assertTokenNotValid(type.equals("access") ? hello(token) : exchange(Http.BASE, token));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "signed with another secret,             HS256, another-secret-entirely",
        "HS512 with the right secret,            HS512, RIGHT",
        "alg none,                               none,  ",
        "a kid (no SimpleJWT token of it has one), HS256, RIGHT",
    })
    void forgedAndConfusedTokensAreRefused(String what, String alg, String secret) throws GeneralSecurityException {
        for (String type : List.of("access", "refresh")) {
            JsonObject fixture = fixture("hs256", "alice-1");
            JsonObject claims = Json.createObjectBuilder(fixture.getJsonObject(type + "_claims"))
                    .add("jti", UUID.randomUUID().toString().replace("-", ""))
                    .build();
            var header = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
            if (what.startsWith("a kid")) {
                header.add("kid", "legacy");
            }
            String token = alg.equals("none")
                    ? Jwts.b64(header.build().toString()) + "." + Jwts.b64(claims.toString()) + "."
                    : Jwts.mintHmac("RIGHT".equals(secret) ? SECRET : secret, header.build(), claims);
            assertTokenNotValid(type.equals("access") ? hello(token) : exchange(Http.BASE, token));
        }
    }

    @Test
    void anInactiveUsersOldTokensAreRefused() {
        JsonObject mallory = fixture("hs256", "mallory-inactive");
        HttpResponse<String> access = hello(mallory.getString("access"));
        assertEquals(401, access.statusCode(), access.body());
        assertEquals("user_inactive", Http.json(access).getString("code"), access.body());
        HttpResponse<String> refresh = exchange(Http.BASE, mallory.getString("refresh"));
        Http.assertJsonError(refresh, 401, "No active account found for the given token.");
    }

    @Test
    void logoutAllEndsTheOldTokensIssuedBefore() {
        var bob = new TestUsers.Credentials(
                "bob", DjangoImportIT.USERS.getJsonObject("bob").getString("password"));
        String ours = TestUsers.login(bob).access();
        HttpResponse<String> logout =
                Http.send("POST", "/api/token/logout-all/", null, null, "Authorization", "Bearer " + ours);
        assertEquals(200, logout.statusCode(), logout.body());
        assertTokenNotValid(hello(fixture("hs256", "bob-1").getString("access")));
        assertTokenNotValid(exchange(Http.BASE, fixture("hs256", "bob-1").getString("refresh")));
    }

    @Test
    void aBlacklistDryRunWritesNothingAndTheImportIsHonouredAndRepeatable() throws GeneralSecurityException {
        long pk = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        String tried = UUID.randomUUID().toString().replace("-", "");
        JsonObject dry = DjangoImportIT.report(blacklistDump(pk, tried, pk), "?dry_run=true");
        DjangoImportIT.assertCounts(dry.getJsonObject("blacklisted_tokens"), 1, 0, 0, 0);
        assertEquals(200, exchange(Http.BASE, aliceRefresh(tried)).statusCode(), "the dry run wrote nothing");

        String blacklisted = UUID.randomUUID().toString().replace("-", "");
        JsonObject report = DjangoImportIT.report(blacklistDump(pk + 1, blacklisted, pk + 1), "");
        DjangoImportIT.assertCounts(report.getJsonObject("blacklisted_tokens"), 1, 0, 0, 0);
        assertFalse(report.toString().contains(blacklisted), "no jti in the report");
        JsonObject again = DjangoImportIT.report(blacklistDump(pk + 1, blacklisted, pk + 1), "");
        DjangoImportIT.assertCounts(again.getJsonObject("blacklisted_tokens"), 0, 0, 1, 0);
        assertTokenNotValid(exchange(Http.BASE, aliceRefresh(blacklisted)));

        JsonObject dangling = DjangoImportIT.report(blacklistDump(pk + 2, blacklisted, pk + 3), "");
        DjangoImportIT.assertCounts(dangling.getJsonObject("blacklisted_tokens"), 0, 0, 0, 1);
        assertEquals(
                "token_blacklist.blacklistedtoken",
                dangling.getJsonArray("rejected").getJsonObject(0).getString("model"));
    }

    @Test
    void theFixtureBlacklistImportedAgainChangesNothing() {
        JsonObject report = DjangoImportIT.report(DjangoDumps.file("token-blacklist.json"), "");
        DjangoImportIT.assertCounts(report.getJsonObject("blacklisted_tokens"), 0, 0, 2, 0);
        assertFalse(report.toString().contains("eyJ"), "no token in the report");
    }

    @Test
    void neitherTheKeyNorAnOldTokenReachesTheLog() {
        assertEquals(200, hello(fixture("hs256", "alice-3").getString("access")).statusCode());
        String refresh = fixture("hs256", "bob-expired").getString("refresh");
        assertTokenNotValid(exchange(Http.BASE, refresh));
        String signature = refresh.substring(refresh.lastIndexOf('.') + 1);
        for (String line : ServerLog.lines()) {
            assertFalse(line.contains(SECRET) || line.contains(signature), line);
        }
        assertTrue(ServerLog.lines().stream().anyMatch(line -> line.contains("Django cutover on until")));
    }
}
