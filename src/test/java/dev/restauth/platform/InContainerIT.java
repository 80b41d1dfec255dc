package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.Http;
import dev.restauth.TestUsers;
import dev.restauth.apitokens.control.ApiTokenStore;
import dev.restauth.apitokens.control.ApiTokens;
import dev.restauth.apitokens.entity.ApiToken;
import dev.restauth.jwt.control.RefreshTokenStore;
import dev.restauth.jwt.control.SigningKeys;
import dev.restauth.jwt.control.TokenCodec;
import dev.restauth.platform.control.Migrations;
import dev.restauth.platform.control.SchemaReady;
import dev.restauth.users.control.Passwords;
import dev.restauth.users.control.UserIdentityStore;
import dev.restauth.users.entity.User;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
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

/**
 * What can only be seen from inside the server: CDI and JPA wiring, the migrated schema, the
 * entity mappings. One deployment for the whole class (each costs 10-13 s here): the built WAR
 * plus this class and two test-only helpers.
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
                        JsonEchoResource.class,
                        JwtClaimsResource.class,
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
    SigningKeys signingKeys;

    @Inject
    RefreshTokenStore refreshTokens;

    @Inject
    ApiTokens apiTokens;

    @Inject
    ApiTokenStore apiTokenStore;

    @Inject
    Event<SchemaReady> schemaReady;

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
        String access = codec.sign(TokenCodec.ACCESS, codec.newJti(), user, past, past.plusSeconds(300));
        String refresh = codec.sign(TokenCodec.REFRESH, codec.newJti(), user, past, past.plusSeconds(300));

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
        String before = codec.sign(TokenCodec.ACCESS, codec.newJti(), user, now, now.plusSeconds(300));
        String oldKid = signingKeys.current().kid();

        signingKeys.rotate();

        String newKid = signingKeys.current().kid();
        assertTrue(!oldKid.equals(newKid));
        String jwks = signingKeys.current().jwks();
        assertTrue(jwks.contains(oldKid) && jwks.contains(newKid), jwks);
        assertFalse(jwks.contains("\"d\""), "no private key material in the JWKS");
        String after = codec.sign(TokenCodec.ACCESS, codec.newJti(), user, now, now.plusSeconds(300));
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

        refreshTokens.purgeExpired(Instant.now());

        assertTrue(refreshTokens.find("expired-" + family).isEmpty());
        assertTrue(refreshTokens.isFamilyRevoked(family), "an emptied family is gone too");
    }

    @Test
    void ourKeyWithAnotherIssuerOrAudienceIsRefused() throws Exception {
        var keys = signingKeys.current();
        long now = Instant.now().getEpochSecond();
        for (String[] issuerAndAudience :
                new String[][] {{"restauth-evil", "restauth"}, {"restauth", "other-api"}, {"restauthx", "restauth"}}) {
            String token = Jwt.claims()
                    .issuer(issuerAndAudience[0])
                    .audience(issuerAndAudience[1])
                    .subject("1")
                    .upn("someone")
                    .claim("token_type", "access")
                    .claim("jti", codec.newJti())
                    .claim("user_id", "1")
                    .issuedAt(now)
                    .expiresAt(now + 300)
                    .jws()
                    .keyId(keys.kid())
                    .header("typ", "at+jwt")
                    .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                    .sign(keys.signingKey());
            TokenCodec.Rejected rejected =
                    assertThrows(TokenCodec.Rejected.class, () -> codec.verify(token, TokenCodec.ACCESS));
            assertEquals("Token is invalid", rejected.getMessage());
        }
    }

    @Test
    void aLeakedDatabaseRowIsNoKey() {
        String username = "leak-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now()));
        User user = users.findByUsername(username);
        String key = apiTokens.issue(user, "leak", null).token();
        ApiToken row = apiTokenStore.ofUser(user.id()).get(0);

        assertFalse(row.digest().contains(key), "the key is not in the row");
        assertTrue(apiTokens.authenticate(key).isPresent());
        assertTrue(apiTokens.authenticate(row.digest()).isEmpty());
        assertTrue(apiTokens.authenticate(row.digest().substring(0, 40)).isEmpty());
        assertTrue(apiTokens
                .authenticate(key.substring(0, 8) + row.digest().substring(0, 32))
                .isEmpty());
    }

    @Test
    void concurrentFirstUsesWriteLastUsedOnce() throws Exception {
        String username = "touch-" + UUID.randomUUID().toString().substring(0, 8);
        users.persist(new User(username, "hash", List.of(), Instant.now()));
        User user = users.findByUsername(username);
        apiTokens.issue(user, "touch", null);
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

    @Test
    @RunAsClient
    void malformedJsonIsA400WithJsonBody(@ArquillianResource URL deployment) throws Exception {
        URI base = deployment.toURI();
        var response = Http.send(base, "POST", "test/echo", "application/json", "{\"text\": ");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "JSON parse error - the request body is not valid JSON.",
                Http.json(response).getString("detail"));
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

    @Test
    @RunAsClient
    void unsupportedMediaTypeIsA415WithJsonBody(@ArquillianResource URL deployment) throws Exception {
        URI base = deployment.toURI();
        var response = Http.send(base, "POST", "test/echo", "text/plain", "hello");
        assertEquals(415, response.statusCode(), response.body());
        assertEquals(
                "Unsupported media type \"text/plain\" in request.",
                Http.json(response).getString("detail"));
    }
}
