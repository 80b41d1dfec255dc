package dev.restauth.jwt.control;

import dev.restauth.platform.control.Change;
import dev.restauth.platform.control.ChangesMissed;
import dev.restauth.platform.control.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When {@link SigningKeys} reloads: once the schema is ready, then every {@code
 * jwt.signing-key.check-interval} (which also rotates a signer older than {@code
 * jwt.signing-key.max-age}), and at once when any node made a new key ({@link SigningKeyStore}
 * publishes it as a {@link Change}) or notifications may have been missed, so that every node signs
 * with the new key and verifies its tokens within milliseconds. The reload runs on the scheduler,
 * never on a request; a failed one keeps the keys in use.
 */
@ApplicationScoped
public class SigningKeyReloads {

    private static final Logger LOG = System.getLogger(SigningKeyReloads.class.getName());

    @Inject
    SigningKeys keys;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "jwt.signing-key.check-interval", defaultValue = "PT10M")
    Duration checkInterval;

    void onSchemaReady(@Observes SchemaReady ready) {
        keys.reload();
        scheduler.scheduleWithFixedDelay(
                this::reloadQuietly, checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onChangeAnywhere(@Observes Change change) {
        if (change.kind() == Change.Kind.SIGNING_KEYS) {
            reloadSoon();
        }
    }

    void onChangesMissed(@Observes ChangesMissed missed) {
        reloadSoon();
    }

    /** Before the first load there is nothing stale: the first use loads. */
    private void reloadSoon() {
        if (keys.isLoaded()) {
            scheduler.execute(this::reloadQuietly);
        }
    }

    private void reloadQuietly() {
        try {
            keys.reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not reload the signing keys; keeping the current ones: {0}", e.getMessage());
        }
    }
}
