package dev.restauth.jwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.restauth.testsupport.ServerLog;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A configured signing key that cannot sign stops the application at startup, in a WAR on any
 * Liberty (or the runnable jar), with one line saying why: before, it passed readiness and failed
 * every login with a 500. The built WAR is deployed beside the running one with the key set by a
 * config source of higher ordinal; the deployment must fail. One deployment, as each costs tens of
 * seconds here; what else is unusable (key files that cannot be read, wrong curves and key types)
 * and that all of it fails at startup is {@code PemKeysTest} and {@code SigningKeysTest}.
 */
@ExtendWith(ArquillianExtension.class)
class UnusableSigningKeyIT {

    /** Unique, so that the test can tell this run's log lines, and see the value never logged. */
    static final String NOT_A_KEY = "not-a-key-" + UUID.randomUUID();

    @ArquillianResource
    Deployer deployer;

    static WebArchive withConfig(String name, String properties) {
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("restauth.war")));
        JavaArchive config = ShrinkWrap.create(JavaArchive.class, name + "-config.jar")
                .addAsManifestResource(
                        new StringAsset("config_ordinal=900\n" + properties + "\n"), "microprofile-config.properties");
        return ShrinkWrap.create(WebArchive.class, name + ".war").merge(built).addAsLibrary(config);
    }

    @Deployment(name = "not-a-pem", managed = false, testable = false)
    static WebArchive notAPem() {
        return withConfig("unusable-key-inline", "jwt.signing-key=" + NOT_A_KEY);
    }

    /**
     * The deployment fails, and the reason is logged once before it is removed: on a loaded machine
     * the deployer may give up while the application is still starting, so the log line, not the
     * deployer's exception, is the proof, and it is awaited before the archive is taken away.
     */
    void assertRefusedToStart(String deployment, String reason) {
        try {
            assertThrows(Exception.class, () -> deployer.deploy(deployment), "the application started");
            List<String> lines = ServerLog.await(
                    line -> line.contains("Unusable signing key") && line.contains(reason), Duration.ofMinutes(5));
            assertEquals(1, lines.size(), String.join("\n", lines));
            assertFalse(
                    ServerLog.lines().stream()
                            .anyMatch(line -> line.contains("CWWKZ0001I") && line.contains("unusable-key")),
                    "the application started");
            assertFalse(ServerLog.lines().stream().anyMatch(line -> line.contains(NOT_A_KEY)), "the value was logged");
        } finally {
            deployer.undeploy(deployment);
        }
    }

    @Test
    @RunAsClient
    void aConfiguredKeyThatIsNoPemStopsTheApplication() {
        assertRefusedToStart("not-a-pem", "jwt.signing-key: expected a PKCS#8 PEM");
    }
}
