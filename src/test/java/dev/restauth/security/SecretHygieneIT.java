package dev.restauth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.TestUsers;
import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets stay where they belong. Every endpoint is driven, successes and each kind of failure,
 * with distinctive secrets (passwords, the issued JWTs, API keys, an imported DRF key); then:
 * no response carries a password, a key or JWT appears only in the body of the response that
 * issued it, the server's logs hold none of them, and neither does any text or binary column of
 * any table in the database. Responses that carry one are never cacheable, and no response may
 * be content-sniffed.
 */
class SecretHygieneIT {

    static final String CLIENT = "198.51.100.23";

    /** One request and its answer, named for the failure messages. */
    record Exchange(String label, HttpResponse<String> response) {

        String everything() {
            return response.headers().map() + "\n" + response.body();
        }
    }

    /** A credential the server handed out, and the exchange that did. */
    record Issued(String name, String value, Exchange issuer) {}

    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final List<Issued> issued = new ArrayList<>();
    private final Map<String, String> neverReturned = new LinkedHashMap<>();

    private Exchange call(String label, String method, String path, String contentType, String body, String... auth) {
        String[] headers = auth.length == 0
                ? new String[] {"X-Forwarded-For", CLIENT}
                : new String[] {"Authorization", auth[0], "X-Forwarded-For", CLIENT};
        Exchange exchange = new Exchange(label, Http.send(method, path, contentType, body, headers));
        exchanges.add(exchange);
        return exchange;
    }

    private Exchange expect(int status, Exchange exchange) {
        assertEquals(
                status,
                exchange.response().statusCode(),
                exchange.label() + ": " + exchange.response().body());
        return exchange;
    }

    private static String json(String... namesAndValues) {
        var object = Json.createObjectBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            object.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return object.build().toString();
    }

    private static String form(String username, String password) {
        return "username=" + username + "&password=" + password;
    }

    /** The same key with its last character changed. */
    private static String tampered(String key) {
        return key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
    }

    private static String basic(String username, String password) {
        return new TestUsers.Credentials(username, password).basic();
    }

    private String password(String name, String value) {
        passwords.put(name, value);
        return value;
    }

    private String issued(String name, String field, Exchange issuer) {
        String value = Http.json(issuer.response()).getString(field);
        issued.add(new Issued(name, value, issuer));
        return value;
    }

    /** The pair from a successful login or refresh, both recorded as issued there. */
    private String[] pair(String name, Exchange issuer) {
        return new String[] {issued(name + " access", "access", issuer), issued(name + " refresh", "refresh", issuer)};
    }

    @Test
    void secretsAppearOnlyWhereIssuedAndNeverInLogsOrTheDatabase() throws Exception {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String username = "hygiene-" + run;
        String first = password("password", "Hygiene-" + run + "-pw");
        String second = password("new password", "Hygiene-" + run + "-new-pw");
        password("admin password", TestUsers.ADMIN.password());
        String admin = TestUsers.ADMIN.basic();

        // Users: an admin creates one (and is refused a short and a long password).
        expect(
                400,
                call(
                        "create, short password",
                        "POST",
                        "/api/users/",
                        "application/json",
                        json("username", username, "password", password("short password", "Hy" + run.substring(0, 5))),
                        admin));
        expect(
                400,
                call(
                        "create, long password",
                        "POST",
                        "/api/users/",
                        "application/json",
                        json(
                                "username",
                                username,
                                "password",
                                password("long password", "Hygiene-" + run + "-" + "x".repeat(1100))),
                        admin));
        expect(
                201,
                call(
                        "create",
                        "POST",
                        "/api/users/",
                        "application/json",
                        json("username", username, "password", first),
                        admin));

        // Basic, wrong and right; a malformed body that holds the password.
        String wrongBasic = password("wrong Basic password", "Hygiene-" + run + "-wrong-basic");
        expect(401, call("Basic, wrong", "GET", "/api/hello/", null, null, basic(username, wrongBasic)));
        expect(200, call("Basic", "GET", "/api/hello/", null, null, basic(username, first)));
        expect(
                400,
                call(
                        "login, malformed JSON",
                        "POST",
                        "/api/token/",
                        "application/json",
                        "{\"username\":\"" + username + "\",\"password\":\"" + first + "\""));

        // SimpleJWT: login (JSON and form, wrong and right), refresh, verify, Bearer.
        String wrongLogin = password("wrong login password", "Hygiene-" + run + "-wrong-login");
        expect(
                401,
                call(
                        "login, wrong",
                        "POST",
                        "/api/token/",
                        "application/json",
                        json("username", username, "password", wrongLogin)));
        expect(
                401,
                call(
                        "login form, wrong",
                        "POST",
                        "/api/token/",
                        "application/x-www-form-urlencoded",
                        form(username, wrongLogin)));
        String[] login = pair(
                "login",
                expect(
                        200,
                        call(
                                "login",
                                "POST",
                                "/api/token/",
                                "application/json",
                                json("username", username, "password", first))));
        String[] formLogin = pair(
                "form login",
                expect(
                        200,
                        call(
                                "login form",
                                "POST",
                                "/api/token/",
                                "application/x-www-form-urlencoded",
                                form(username, first))));
        String[] refreshed = pair(
                "refresh",
                expect(
                        200,
                        call("refresh", "POST", "/api/token/refresh/", "application/json", json("refresh", login[1]))));
        expect(
                401,
                call("refresh, reused", "POST", "/api/token/refresh/", "application/json", json("refresh", login[1])));
        expect(200, call("verify", "POST", "/api/token/verify/", "application/json", json("token", refreshed[0])));
        expect(
                401,
                call(
                        "verify, tampered",
                        "POST",
                        "/api/token/verify/",
                        "application/json",
                        json("token", refreshed[0] + "x")));
        expect(200, call("Bearer", "GET", "/api/hello/", null, null, "Bearer " + refreshed[0]));
        expect(200, call("Bearer, me", "GET", "/api/users/me/", null, null, "Bearer " + refreshed[0]));
        expect(401, call("Bearer, tampered", "GET", "/api/hello/", null, null, "Bearer " + refreshed[0] + "x"));
        expect(401, call("Bearer, refresh token", "GET", "/api/hello/", null, null, "Bearer " + refreshed[1]));
        expect(
                200,
                call("blacklist", "POST", "/api/token/blacklist/", "application/json", json("refresh", formLogin[1])));
        expect(
                401,
                call(
                        "refresh, blacklisted",
                        "POST",
                        "/api/token/refresh/",
                        "application/json",
                        json("refresh", formLogin[1])));

        // API tokens: obtain (wrong and right, JSON and form), use, list, create, revoke, log out.
        expect(
                400,
                call(
                        "auth-token, wrong",
                        "POST",
                        "/api/auth-token/",
                        "application/json",
                        json("username", username, "password", wrongLogin)));
        String key = issued(
                "auth-token key",
                "token",
                expect(
                        200,
                        call(
                                "auth-token",
                                "POST",
                                "/api/auth-token/",
                                "application/json",
                                json("username", username, "password", first))));
        String formKey = issued(
                "auth-token form key",
                "token",
                expect(
                        200,
                        call(
                                "auth-token form",
                                "POST",
                                "/api/auth-token/",
                                "application/x-www-form-urlencoded",
                                form(username, first))));
        expect(200, call("Token", "GET", "/api/hello/", null, null, "Token " + key));
        expect(200, call("Token, list", "GET", "/api/auth-tokens/", null, null, "Token " + key));
        Exchange personal = expect(
                201,
                call(
                        "personal token",
                        "POST",
                        "/api/auth-tokens/",
                        "application/json",
                        json("name", "hygiene", "expires_in", "P1D"),
                        "Token " + key));
        issued("personal key", "token", personal);
        long personalId = Http.json(personal.response()).getJsonNumber("id").longValue();
        expect(
                204,
                call(
                        "personal token, revoke",
                        "DELETE",
                        "/api/auth-tokens/" + personalId + "/",
                        null,
                        null,
                        "Token " + key));
        issued(
                "admin-created key",
                "token",
                expect(
                        201,
                        call(
                                "admin creates a key",
                                "POST",
                                "/api/users/" + username + "/auth-token/",
                                null,
                                null,
                                admin)));
        String drfKey = (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 40);
        neverReturned.put("imported DRF key", drfKey);
        expect(
                201,
                call(
                        "admin imports a key",
                        "POST",
                        "/api/users/" + username + "/auth-token/import",
                        "application/json",
                        json("key", drfKey),
                        admin));
        expect(200, call("Token, imported", "GET", "/api/hello/", null, null, "Token " + drfKey));
        expect(200, call("admin lists keys", "GET", "/api/users/" + username + "/auth-tokens/", null, null, admin));
        expect(204, call("auth-token, log out", "DELETE", "/api/auth-token/", null, null, "Token " + key));
        expect(401, call("Token, revoked", "GET", "/api/hello/", null, null, "Token " + key));
        expect(401, call("Token, tampered", "GET", "/api/hello/", null, null, "Token " + tampered(formKey)));

        // Password change: wrong old password, then right; every earlier credential dies.
        String wrongOld = password("wrong old password", "Hygiene-" + run + "-wrong-old");
        expect(
                400,
                call(
                        "password change, wrong",
                        "POST",
                        "/api/users/me/password/",
                        "application/json",
                        json("old_password", wrongOld, "new_password", second),
                        "Token " + formKey));
        expect(
                200,
                call(
                        "password change",
                        "POST",
                        "/api/users/me/password/",
                        "application/json",
                        json("old_password", first, "new_password", second),
                        "Token " + formKey));
        expect(401, call("Bearer, revoked", "GET", "/api/hello/", null, null, "Bearer " + refreshed[0]));
        expect(401, call("Token, revoked by the change", "GET", "/api/hello/", null, null, "Token " + formKey));
        expect(401, call("Basic, old password", "GET", "/api/hello/", null, null, basic(username, first)));

        // Logout-all with a fresh pair.
        String[] renewed = pair(
                "renewed login",
                expect(
                        200,
                        call(
                                "login, new password",
                                "POST",
                                "/api/token/",
                                "application/json",
                                json("username", username, "password", second))));
        expect(200, call("logout-all", "POST", "/api/token/logout-all/", null, null, "Bearer " + renewed[0]));
        expect(401, call("Bearer, logged out", "GET", "/api/hello/", null, null, "Bearer " + renewed[0]));
        expect(
                401,
                call(
                        "refresh, logged out",
                        "POST",
                        "/api/token/refresh/",
                        "application/json",
                        json("refresh", renewed[1])));

        assertResponsesKeepSecrets();
        assertLogsHoldNoSecret(logMarker());
        assertDatabaseHoldsNoSecret();
    }

    /** Everything that must never be written anywhere but where it was issued. */
    private Map<String, String> allSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>(passwords);
        for (Issued credential : issued) {
            secrets.put(credential.name(), credential.value());
            String[] parts = credential.value().split("\\.");
            if (parts.length == 3) {
                secrets.put(credential.name() + " signature", parts[2]);
            }
        }
        secrets.putAll(neverReturned);
        return secrets;
    }

    private void assertResponsesKeepSecrets() {
        for (Exchange exchange : exchanges) {
            var headers = exchange.response().headers();
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(null), exchange.label());
            Map<String, String> forbidden = new LinkedHashMap<>(passwords);
            forbidden.putAll(neverReturned);
            for (Issued credential : issued) {
                if (credential.issuer() != exchange) {
                    forbidden.put(credential.name(), credential.value());
                    String[] parts = credential.value().split("\\.");
                    if (parts.length == 3) {
                        forbidden.put(credential.name() + " signature", parts[2]);
                    }
                } else {
                    assertTrue(exchange.response().body().contains(credential.value()), credential.name());
                    assertFalse(
                            headers.map().toString().contains(credential.value()),
                            credential.name() + " in the headers of " + exchange.label());
                }
            }
            forbidden.forEach((name, secret) -> assertFalse(
                    exchange.everything().contains(secret), name + " in the response to " + exchange.label()));
            boolean carriesACredential = issued.stream().anyMatch(credential -> credential.issuer() == exchange);
            if (carriesACredential) {
                assertTrue(
                        headers.allValues("Cache-Control").stream().anyMatch(value -> value.contains("no-store")),
                        exchange.label() + " carries a credential: " + headers.map());
            }
        }
        assertTrue(issued.size() >= 12, "every issuing endpoint was driven");
    }

    /**
     * A line the server is known to log (a refresh-token reuse names the user), for another user:
     * once it is in messages.log, everything this test caused before it was written out.
     */
    private String logMarker() {
        var marker = TestUsers.create();
        password("marker password", marker.password());
        var pair = TestUsers.login(marker);
        var rotated = Http.send(
                "POST",
                "/api/token/refresh/",
                "application/json",
                json("refresh", pair.refresh()),
                "X-Forwarded-For",
                CLIENT);
        assertEquals(200, rotated.statusCode(), rotated.body());
        var reused = Http.send(
                "POST",
                "/api/token/refresh/",
                "application/json",
                json("refresh", pair.refresh()),
                "X-Forwarded-For",
                CLIENT);
        assertEquals(401, reused.statusCode(), reused.body());
        return "\"user\":\"" + marker.username() + "\",\"client\":\"" + CLIENT
                + "\",\"request\":\"POST /api/token/refresh/\",\"detail\":\"a rotated refresh token came back";
    }

    static Path serverLogs() {
        return Path.of(System.getProperty("restauth.server.logs"));
    }

    private void assertLogsHoldNoSecret(String marker) throws IOException, InterruptedException {
        Path messages = serverLogs().resolve("messages.log");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(messages, StandardCharsets.ISO_8859_1).contains(marker)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the server never logged the marker \"" + marker + "\" in " + messages);
            }
            Thread.sleep(200);
        }
        Map<String, String> secrets = allSecrets();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(serverLogs())) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertTrue(files.contains(messages));
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            secrets.forEach((name, secret) -> assertFalse(content.contains(secret), name + " in " + file));
        }
    }

    /** The throw-away PostgreSQL of this build: port on line 4 of postmaster.pid, trust authentication. */
    static Connection database() throws IOException, SQLException {
        Path dataDir = Path.of(System.getProperty("restauth.db.dir"));
        String port =
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/restauth", "postgres", "");
    }

    private void assertDatabaseHoldsNoSecret() throws IOException, SQLException {
        Map<String, String> secrets = allSecrets();
        int columns = 0;
        try (Connection connection = database();
                PreparedStatement query = connection.prepareStatement(
                        """
                        SELECT c.table_name, c.column_name, c.data_type
                        FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                          AND (c.data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')
                               OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))
                        ORDER BY c.table_name, c.column_name
                        """);
                ResultSet column = query.executeQuery()) {
            while (column.next()) {
                String table = column.getString(1);
                String name = column.getString(2);
                boolean binary = "bytea".equals(column.getString(3));
                columns++;
                try (Statement select = connection.createStatement();
                        ResultSet values = select.executeQuery("SELECT " + identifier(name) + (binary ? "" : "::text")
                                + " FROM public." + identifier(table) + " WHERE " + identifier(name)
                                + " IS NOT NULL")) {
                    while (values.next()) {
                        String value = binary
                                ? new String(values.getBytes(1), StandardCharsets.ISO_8859_1)
                                : values.getString(1);
                        secrets.forEach((secretName, secret) ->
                                assertFalse(value.contains(secret), secretName + " in " + table + "." + name));
                    }
                }
            }
        }
        assertTrue(columns >= 10, "scanned " + columns + " columns");
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
