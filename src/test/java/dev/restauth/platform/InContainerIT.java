package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.Http;
import dev.restauth.platform.control.Migrations;
import dev.restauth.users.entity.User;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
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
                .addClasses(InContainerIT.class, UserRows.class, JsonEchoResource.class, Http.class);
    }

    @Inject
    Migrations migrations;

    @Inject
    UserRows users;

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
    void unsupportedMediaTypeIsA415WithJsonBody(@ArquillianResource URL deployment) throws Exception {
        URI base = deployment.toURI();
        var response = Http.send(base, "POST", "test/echo", "text/plain", "hello");
        assertEquals(415, response.statusCode(), response.body());
        assertEquals(
                "Unsupported media type \"text/plain\" in request.",
                Http.json(response).getString("detail"));
    }
}
