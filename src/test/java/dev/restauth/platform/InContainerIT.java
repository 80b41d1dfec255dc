package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.apitokens.control.ApiTokenStore;
import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.control.VerifiedKeys;
import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.apitokens.entity.NewToken;
import dev.restauth.errors.control.DatabaseFailures;
import dev.restauth.jwt.control.JwtSettings;
import dev.restauth.jwt.control.RawJwt;
import dev.restauth.jwt.control.RefreshTokenStore;
import dev.restauth.jwt.control.SigningKeys;
import dev.restauth.jwt.control.TokenCodec;
import dev.restauth.jwt.control.TokenSigner;
import dev.restauth.platform.control.Migrations;
import dev.restauth.platform.control.SchemaReady;
import dev.restauth.testsupport.DrfAnswers;
import dev.restauth.testsupport.Http;
import dev.restauth.testsupport.Jwts;
import dev.restauth.testsupport.TestDatabase;
import dev.restauth.testsupport.TestUsers;
import dev.restauth.users.control.Passwords;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.entity.User;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManagerFactory;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * What can only be seen from inside the server: CDI and JPA wiring, the migrated schema, the
 * entity mappings, and tokens signed with the server's own key. One deployment for the whole
 * class (each costs 10-13 s here): the built WAR plus this class and its test-only helpers.
 */
@ExtendWith(ArquillianExtension.class)
class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("restauth.war")));
        return ShrinkWrap.create(WebArchive.class, "restauth-it.war")
                .merge(built)
                .addClasses(
                        TestUsers.class,
                        TestUsers.Credentials.class,
                        InContainerIT.class,
                        UserRows.class,
                        JwtClaimsResource.class,
                        ChangesProbeResource.class,
                        TestDatabase.class,
                        RawJwt.class,
                        DrfAnswers.class,
                        Jwts.class,
                        Http.class);
    }

    @Inject
    Migrations migrations;

    @Inject
    UserRows users;

    @Inject
    UserIdentityStore identityStore;

    @Inject
    Passwords passwords;

    @Inject
    TokenCodec codec;

    @Inject
    TokenSigner signer;

    @Inject
    VerifiedKeys verifiedKeys;

    @Inject
    SigningKeys signingKeys;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    ApiTokens apiTokens;

    @Inject
    ApiTokenStore apiTokenStore;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    JwtSettings jwtSettings;

    /** Made by Python's hashlib, independently: pbkdf2_hmac('sha256', password, salt, 1000). */
    static final String DJANGO_PBKDF2 = "pbkdf2_sha256$1000$NaClNaCl0123$Sxdl1/6vS9/ncB0vwmO1Dy83/aI/G6sHoGqrQEBN9lw=";

    /** Server variables are MicroProfile Config properties, also for the server's own port. */
    static String serverVariable(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    @Test
    void migrationsRanBeforeAnythingElse() throws Exception {
        assertTrue(migrations.isComplete());
        DataSource dataSource = InitialContext.doLookup("jdbc/restauth");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT success FROM flyway_schema_history WHERE version = '1'");
                ResultSet row = query.executeQuery()) {
            assertTrue(row.next(), "V1 is recorded");
            assertTrue(row.getBoolean("success"));
        }
    }

    @Test
    void entityMappingsMatchTheMigratedSchema() {
        // A second persistence unit from the same persistence.xml, with Hibernate's schema
        // validation on: it refuses to start if any mapping disagrees with the migrated tables.
        Map<String, Object> validate = Map.of(
                "hibernate.hbm2ddl.auto", "validate",
                "hibernate.boot.allow_jdbc_metadata_access", "true");
        EntityManagerFactory validated =
                new HibernatePersistenceProvider().createEntityManagerFactory("restauth", validate);
        assertNotNull(validated);
        validated.close();
    }

    @Test
    void persistsAndReadsAUserThroughHibernate() {
        String username = "persisted-" + UUID.randomUUID();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        long id = users.persist(new User(username, "hash", List.of("admin", "staff"), now));

        User read = users.findByUsername(username);

        assertEquals(id, read.id());
        assertEquals(Set.of("admin", "staff"), read.roles());
        assertTrue(read.isActive());
        assertEquals(now, read.tokensValidAfter());
    }

    /**
     * Both pools' sessions carry the server-side bounds of server.xml (options), and their
     * connections pgJDBC's socket timeout; a statement that runs too long is cancelled by
     * PostgreSQL with 57014, which the error path answers with 503.
     */
    @Test
    void everyPooledConnectionIsBounded() throws Exception {
        for (String name : List.of("jdbc/restauth", "jdbc/restauth-throttle")) {
            DataSource dataSource = InitialContext.doLookup(name);
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                assertEquals("3s", show(statement, "statement_timeout"), name);
                assertEquals("10s", show(statement, "idle_in_transaction_session_timeout"), name);
                assertEquals(5_000, connection.getNetworkTimeout(), name);
                SQLException cancelled =
                        assertThrows(SQLException.class, () -> statement.execute("SELECT pg_sleep(4)"));
                assertEquals("57014", cancelled.getSQLState(), name);
                assertTrue(DatabaseFailures.isUnavailable(cancelled));
            }
        }
    }

    private static String show(Statement statement, String setting) throws java.sql.SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void unknownAndInactiveUsersPayADummyVerification() {
        long before = passwords.dummyVerifications();
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                identityStore
                        .validate(new UsernamePasswordCredential("nobody-" + UUID.randomUUID(), "whatever"))
                        .getStatus());
        assertEquals(before + 1, passwords.dummyVerifications());

        String inactive = "inactive-" + UUID.randomUUID();
        users.persist(new User(inactive, passwords.generate("right password".toCharArray()), List.of(), Instant.now()));
        users.deactivate(inactive);
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                identityStore
                        .validate(new UsernamePasswordCredential(inactive, "right password"))
                        .getStatus());
        assertEquals(before + 2, passwords.dummyVerifications());
    }

    @Test
    void djangoHashedUserLogsInOverHttpAndIsRehashedToArgon2id() throws Exception {
        String username = "django-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, DJANGO_PBKDF2, List.of(), Instant.now()));

        // Over HTTP, as a migrated client would: Basic against the deployed application.
        var response = Http.send(
                new URI("http://localhost:" + serverVariable("http.port") + "/restauth-it/"),
                "GET",
                "api/hello/",
                null,
                null,
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((username + ":correct horse battery").getBytes()));
        assertEquals(200, response.statusCode(), response.body());

        String upgraded = users.findByUsername(username).passwordHash();
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
        assertTrue(passwords.verify("correct horse battery".toCharArray(), upgraded));
    }

    @Test
    void adminBootstrapIsIdempotent() {
        String admin = serverVariable("admin.username");
        User before = users.findByUsername(admin);
        assertTrue(before.roles().contains("admin"));

        schemaReady.fire(new SchemaReady()); // as at every start

        User after = users.findByUsername(admin);
        assertEquals(before.id(), after.id());
        assertEquals(before.passwordHash(), after.passwordHash());
    }

    @Test
    void expiredTokensAreRefusedWithSimpleJwtsMessage() throws Exception {
        String username = "expired-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now().minusSeconds(3600)));
        User user = users.findByUsername(username);
        Instant past = Instant.now().minusSeconds(600);
        String access = signer.sign(TokenCodec.ACCESS, signer.newJti(), user, past, past.plusSeconds(300));
        String refresh = signer.sign(TokenCodec.REFRESH, signer.newJti(), user, past, past.plusSeconds(300));

        URI self = new URI("http://localhost:" + serverVariable("http.port") + "/restauth-it/");
        var response = Http.send(self, "GET", "api/hello/", null, null, "Authorization", "Bearer " + access);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(
                "Token is expired",
                Http.json(response).getJsonArray("messages").getJsonObject(0).getString("message"));
        var refreshed =
                Http.send(self, "POST", "api/token/refresh/", "application/json", "{\"refresh\":\"" + refresh + "\"}");
        assertEquals(401, refreshed.statusCode(), refreshed.body());
        assertEquals("Token is expired", Http.json(refreshed).getString("detail"));
    }

    @Test
    @RunAsClient
    void aSecondNodeValidatesTokensFromTheStoredKey(@ArquillianResource URL deployment) throws Exception {
        // This deployment is a second application on the same database: another node, in effect.
        String password = "pw-" + UUID.randomUUID();
        var user = TestUsers.createWithPassword(password);
        var login = Http.send(
                Http.BASE,
                "POST",
                "/api/token/",
                "application/json",
                "{\"username\":\"" + user.username() + "\",\"password\":\"" + password + "\"}");
        String access = Http.json(login).getString("access");
        var elsewhere =
                Http.send(deployment.toURI(), "GET", "api/hello/", null, null, "Authorization", "Bearer " + access);
        assertEquals(200, elsewhere.statusCode(), elsewhere.body());
    }

    @Test
    void rotationKeepsOldTokensValidAndPublishesBothKeys() throws Exception {
        String username = "rotation-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now().minusSeconds(60)));
        User user = users.findByUsername(username);
        Instant now = Instant.now();
        String before = signer.sign(TokenCodec.ACCESS, signer.newJti(), user, now, now.plusSeconds(300));
        String oldKid = signingKeys.current().kid();

        signingKeys.rotate();

        String newKid = signingKeys.current().kid();
        assertTrue(!oldKid.equals(newKid));
        String jwks = signingKeys.current().jwks();
        assertTrue(jwks.contains(oldKid) && jwks.contains(newKid), jwks);
        assertFalse(jwks.contains("\"d\""), "no private key material in the JWKS");
        String after = signer.sign(TokenCodec.ACCESS, signer.newJti(), user, now, now.plusSeconds(300));
        codec.verify(before, TokenCodec.ACCESS); // throws if refused
        codec.verify(after, TokenCodec.ACCESS);
        URI self = new URI("http://localhost:" + serverVariable("http.port") + "/restauth-it/");
        assertEquals(
                200,
                Http.send(self, "GET", "api/hello/", null, null, "Authorization", "Bearer " + before)
                        .statusCode());
        // The main application has not reloaded yet: the unknown kid makes it look again.
        assertEquals(
                200,
                Http.send(self.resolve("/"), "GET", "/api/hello/", null, null, "Authorization", "Bearer " + after)
                        .statusCode());
    }

    @Test
    void expiredRefreshRowsArePurged() throws Exception {
        String username = "purge-" + UUID.randomUUID().toString().substring(0, 8);
        long userId = users.persist(new User(username, "hash", List.of(), Instant.now()));
        UUID family = UUID.randomUUID();
        Instant past = Instant.now().minusSeconds(7200);
        refreshTokens.startFamily(family, userId, past);
        refreshTokens.record("expired-" + family, family, userId, past, past.plusSeconds(60));

        refreshTokens.purgeExpired(Instant.now(), 1_000_000);

        assertTrue(refreshTokens.find("expired-" + family).isEmpty());
        assertTrue(refreshTokens.isFamilyRevoked(family), "an emptied family is gone too");
    }

    @Test
    void aLeakedDatabaseRowIsNoKey() {
        String username = "leak-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now()));
        User user = users.findByUsername(username);
        String key = apiTokens.issue(user, new NewToken("leak", null)).token();
        ApiToken row = apiTokenStore.ofUser(user.id()).get(0);

        assertFalse(row.digest().contains(key), "the key is not in the row");
        assertTrue(verifiedKeys.authenticate(key).isPresent());
        assertTrue(verifiedKeys.authenticate(row.digest()).isEmpty());
        assertTrue(verifiedKeys.authenticate(row.digest().substring(0, 40)).isEmpty());
        assertTrue(verifiedKeys
                .authenticate(key.substring(0, 8) + row.digest().substring(0, 32))
                .isEmpty());
    }

    @Test
    void concurrentFirstUsesWriteLastUsedOnce() throws Exception {
        String username = "touch-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now()));
        User user = users.findByUsername(username);
        apiTokens.issue(user, new NewToken("touch", null));
        long tokenId = apiTokenStore.ofUser(user.id()).get(0).id();
        Instant now = Instant.now();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        var writes = new java.util.concurrent.atomic.AtomicInteger();
        var start = new java.util.concurrent.CountDownLatch(1);
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < 10; i++) {
            done.add(pool.submit(() -> {
                start.await();
                if (apiTokenStore.touch(tokenId, now, java.time.Duration.ofMinutes(1))) {
                    writes.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
        assertEquals(1, writes.get());
    }

    /**
     * This deployment is a node of its own on the test database: a change it publishes reaches
     * PostgreSQL's listeners when its transaction commits, and never when it rolls back.
     */
    @Test
    @RunAsClient
    void aChangeIsPublishedWhenItsTransactionCommitsAndNeverWhenItRollsBack(@ArquillianResource URL deployment)
            throws Exception {
        long rolledBack = 900_000_000L + (System.nanoTime() & 0xffffff);
        long committed = rolledBack + 1;
        try (Connection database = TestDatabase.connect();
                Statement listen = database.createStatement()) {
            listen.execute("LISTEN restauth_changes");
            assertEquals(204, probe(deployment, "test/changes/user/" + rolledBack + "?commit=false"));
            assertEquals(204, probe(deployment, "test/changes/user/" + committed + "?commit=true"));
            // Delivered in commit order: once the committed one is here, the other would have been.
            List<String> received = TestDatabase.notifications(
                    database, payloads -> payloads.contains("user:" + committed), Duration.ofSeconds(10));
            assertTrue(received.contains("user:" + committed), received.toString());
            assertFalse(received.contains("user:" + rolledBack), received.toString());
        }
    }

    /**
     * A key rotated on this node (the test deployment, beside the build's first node) is the
     * signing key of both build nodes within a second: their check interval is 10 minutes in the
     * tests, so only the change notification explains it.
     */
    @Test
    @RunAsClient
    void aKeyRotatedOnOneNodeSignsAndVerifiesOnEveryNodeAtOnce(@ArquillianResource URL deployment) throws Exception {
        URI nodeB = URI.create(System.getProperty("restauth.url.b"));
        var rotated = Http.send(
                deployment.toURI(),
                "POST",
                "test/changes/signing-keys/rotate",
                null,
                null,
                "Authorization",
                TestUsers.ADMIN.basic());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String kid = Http.json(rotated).getString("kid");
        long start = System.nanoTime();
        for (URI node : List.of(Http.BASE, nodeB)) {
            while (!Http.send(node, "GET", "/.well-known/jwks.json", null, null)
                    .body()
                    .contains(kid)) {
                assertTrue(
                        System.nanoTime() - start < Duration.ofSeconds(1).toNanos(),
                        node + " does not publish the new key a second after the rotation");
                Thread.sleep(10);
            }
        }
        System.out.println("[cross-node] key rotation published on both nodes after "
                + (System.nanoTime() - start) / 1_000_000 + " ms");

        var user = TestUsers.create();
        String fromA = TestUsers.login(user).access();
        assertEquals(kid, Jwts.part(fromA, 0).getString("kid"), "the first node signs with the new key");
        var fromB = Http.send(
                nodeB,
                "POST",
                "/api/token/",
                "application/json",
                Json.createObjectBuilder()
                        .add("username", user.username())
                        .add("password", user.password())
                        .build()
                        .toString());
        assertEquals(200, fromB.statusCode(), fromB.body());
        assertEquals(
                kid,
                Jwts.part(Http.json(fromB).getString("access"), 0).getString("kid"),
                "the second node signs with the new key");
        assertEquals(
                200,
                Http.send(nodeB, "GET", "/api/hello/", null, null, "Authorization", "Bearer " + fromA)
                        .statusCode(),
                "the second node verifies the first node's token");
    }

    private static int probe(URL deployment, String path) throws URISyntaxException {
        return Http.send(deployment.toURI(), "POST", path, null, null, "Authorization", TestUsers.ADMIN.basic())
                .statusCode();
    }

    @Test
    @RunAsClient
    void resourcesInjectTheBearerTokenAsJsonWebToken(@ArquillianResource URL deployment) throws Exception {
        String password = "pw-" + UUID.randomUUID();
        var user = TestUsers.createWithPassword(password);
        var login = Http.send(
                deployment.toURI(),
                "POST",
                "api/token/",
                "application/json",
                "{\"username\":\"" + user.username() + "\",\"password\":\"" + password + "\"}");
        String access = Http.json(login).getString("access");

        var seen = Http.send(deployment.toURI(), "GET", "test/jwt", null, null, "Authorization", "Bearer " + access);
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals(user.username(), Http.json(seen).getString("name"));
        assertEquals(32, Http.json(seen).getString("jti").length());
        assertTrue(Http.json(seen).getString("tokenType").contains("access"));
    }

    // Tokens signed here with the server's own key: what only the server's key can make. The
    // claim checks themselves are unit tests (TokenCodecClaimsTest), with a test key.

    static URI self() throws URISyntaxException {
        return new URI("http://localhost:" + serverVariable("http.port") + "/restauth-it/");
    }

    User freshUser(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now().minusSeconds(3600)));
        return users.findByUsername(username);
    }

    /** What TokenCodec would sign for this user, as raw JSON to tamper with. */
    RawJwt ourAccessToken(User user) {
        return RawJwt.access(
                signingKeys.current().kid(),
                jwtSettings.issuer(),
                jwtSettings.audience(),
                user,
                signer.newJti(),
                Instant.now().getEpochSecond());
    }

    static RawJwt asRefreshToken(RawJwt access) {
        return access.headerParameter("typ", RawJwt.text("refresh+jwt")).claim("token_type", RawJwt.text("refresh"));
    }

    String signedWithOurKey(RawJwt jwt) throws Exception {
        return jwt.sign(signingKeys.current().signingKey());
    }

    static HttpResponse<String> postToken(String path, String field, String token) throws Exception {
        return Http.send(
                self(),
                "POST",
                path,
                "application/json",
                Json.createObjectBuilder().add(field, token).build().toString());
    }

    @Test
    void aNulInARefreshTokensIdIsRefusedNotA500() throws Exception {
        // PostgreSQL text cannot hold U+0000: the jti must never reach a query as it is.
        User user = freshUser("nul-jti");
        String token =
                signedWithOurKey(asRefreshToken(ourAccessToken(user)).claim("jti", RawJwt.text("nul\u0000byte")));
        List<Executable> checks = new ArrayList<>();
        for (String[] endpoint : new String[][] {
            {"api/token/refresh/", "refresh"}, {"api/token/verify/", "token"}, {"api/token/blacklist/", "refresh"}
        }) {
            var response = postToken(endpoint[0], endpoint[1], token);
            checks.add(() -> DrfAnswers.assertTokenNotValid(response, TokenCodec.INVALID));
        }
        assertAll(checks);
    }
}
