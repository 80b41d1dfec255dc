package dev.restauth.django.control;

import dev.restauth.jwt.control.LegacyTokens;
import dev.restauth.jwt.control.TokenCodec;
import dev.restauth.platform.control.SchemaReady;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cutover from a Django SimpleJWT service (docs/django.md): until {@code
 * django.cutover.deadline}, its access tokens are accepted and each of its refresh tokens can be
 * exchanged once. Off without a key or a deadline, and after the deadline: such tokens are then
 * invalid like any other. The key is read once and never logged.
 */
@ApplicationScoped
public class SimpleJwtCutover implements LegacyTokens {

    private static final Logger LOG = System.getLogger(SimpleJwtCutover.class.getName());

    /** Rows per purge statement: each batch is its own short transaction. */
    static final int PURGE_BATCH = 5_000;

    @Inject
    @ConfigProperty(name = "django.cutover.key")
    Optional<String> key;

    @Inject
    @ConfigProperty(name = "django.cutover.key.location")
    Optional<String> keyLocation;

    @Inject
    @ConfigProperty(name = "django.cutover.algorithm", defaultValue = "HS256")
    String algorithm;

    @Inject
    @ConfigProperty(name = "django.cutover.audience")
    Optional<String> audience;

    @Inject
    @ConfigProperty(name = "django.cutover.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "django.cutover.user-id-claim", defaultValue = "user_id")
    String userIdClaim;

    @Inject
    @ConfigProperty(name = "django.cutover.deadline")
    Optional<Instant> deadline;

    /** The same rhythm as the refresh-token purge: expired rows only cost space. */
    @Inject
    @ConfigProperty(name = "jwt.purge.interval", defaultValue = "PT1H")
    Duration purgeInterval;

    @Inject
    SpentTokens spent;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Null when the cutover is off for good (no key or no deadline). */
    private DjangoTokenVerifier verifier;

    /** A key that does not fit the algorithm stops the start: a cutover that silently refuses all is worse. */
    @PostConstruct
    void configure() {
        Optional<String> keyText = keyText();
        if (keyText.isEmpty() || deadline.isEmpty()) {
            return;
        }
        verifier = new DjangoTokenVerifier(
                algorithm, keyText.get(), audience.orElse(null), issuer.orElse(null), userIdClaim);
        LOG.log(
                Level.INFO,
                "Django cutover on until {0}: SimpleJWT {1} tokens are accepted, refresh tokens exchanged once",
                deadline.get(),
                algorithm);
    }

    void onSchemaReady(@Observes SchemaReady ready) {
        scheduler.scheduleWithFixedDelay(
                this::purge, purgeInterval.toMillis(), purgeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether old tokens are accepted now. */
    boolean isOn(Instant now) {
        return verifier != null && now.isBefore(deadline.get());
    }

    @Override
    public Optional<Verified> verify(String token, String type) {
        Instant now = clock.instant();
        if (!isOn(now) || !(TokenCodec.ACCESS.equals(type) || TokenCodec.REFRESH.equals(type))) {
            return Optional.empty();
        }
        return verifier.verify(token, type, now);
    }

    @Override
    public boolean exchange(Verified refresh) {
        Instant now = clock.instant();
        return isOn(now) && spent.exchange(refresh.jti(), now, refresh.expiresAt());
    }

    void purge() {
        try {
            Instant now = clock.instant();
            int batch;
            do {
                batch = spent.purgeExpired(now, PURGE_BATCH);
            } while (batch == PURGE_BATCH);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not purge expired Django token jtis; trying again later: {0}",
                    e.getMessage());
        }
    }

    /** The key inline or from its file; a trailing line break of the file is not part of it. */
    private Optional<String> keyText() {
        if (key.filter(text -> !text.isEmpty()).isPresent()) {
            return key;
        }
        if (keyLocation.filter(path -> !path.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(Path.of(keyLocation.get()));
            return Optional.of(
                    text.endsWith("\r\n")
                            ? text.substring(0, text.length() - 2)
                            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        } catch (IOException e) {
            throw new IllegalStateException("django.cutover.key.location: cannot read " + keyLocation.get());
        }
    }
}
