package dev.restauth.django.control;

import dev.restauth.jwt.control.LegacyTokens;
import dev.restauth.jwt.control.TokenCodec;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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

    @Inject
    SpentTokens spent;

    @Inject
    Clock clock;

    /** Null when the cutover is off for good (no key or no deadline). */
    private DjangoTokenVerifier verifier;

    /** A key that does not fit the algorithm stops the start: a cutover that silently refuses all is worse. */
    @PostConstruct
    void configure() {
        Optional<String> keyText = DjangoKeys.configured(key, keyLocation);
        if (keyText.isEmpty() || deadline.isEmpty()) {
            return;
        }
        verifier = new DjangoTokenVerifier(algorithm, keyText.get(), present(audience), present(issuer), userIdClaim);
        LOG.log(
                Level.INFO,
                "Django cutover on until {0}: SimpleJWT {1} tokens are accepted, refresh tokens exchanged once",
                deadline.get(),
                algorithm);
    }

    /** Created at startup, not at the first old token: a key that does not fit stops the start. */
    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer only makes CDI create the bean, which runs configure()
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

    /** MP Config gives an empty value as absent; a blank one is absent too. */
    private static String present(Optional<String> setting) {
        return setting.filter(text -> !text.isBlank()).map(String::strip).orElse(null);
    }
}
