package dev.restauth.audit.control;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.audit.entity.AuditEvent.Type;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit events as lines in the server log, on the logger {@code dev.restauth.audit}:
 * {@code AUDIT {"event":"login_failed","at":"...","user":"alice","client":"203.0.113.9",...}},
 * one JSON object per line ({@link AuditLines} says why and writes them).
 *
 * <p>Events any client can send at request rate without paying for a password check — a rejected
 * token, a login refused by the throttle — are written once per kind (client, reason, account)
 * and then counted: one summary line per kind every {@code audit.summary.interval} says how many
 * more came. A flood of bad credentials thus writes a few lines a minute, cannot rotate earlier
 * events out of the log, and costs no formatting or I/O per request; every CDI event is still
 * fired, one per request, for observers that count them. Everything else (logins and their
 * failures per account, issued, refreshed and revoked tokens, reuse detection, password changes)
 * is written line by line: each costs the sender a password check or a real token.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = System.getLogger("dev.restauth.audit");

    @Inject
    @ConfigProperty(name = "audit.summary.interval", defaultValue = "PT1M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "audit.summary.max-kinds", defaultValue = "1000")
    int maxKinds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    Repeats repeats;
    private ScheduledFuture<?> summaries;

    @PostConstruct
    void start() {
        repeats = new Repeats(maxKinds);
        summaries = scheduler.scheduleAtFixedRate(
                this::summarize, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The counts so far are written before the application stops, not lost. */
    @PreDestroy
    void stop() {
        summaries.cancel(false);
        summarize();
    }

    void onEvent(@Observes AuditEvent event) {
        Repeats.Kind kind = kindOf(event);
        if (kind == null || repeats.first(kind)) {
            write(event.type(), event);
        }
    }

    void summarize() {
        Instant now = clock.instant();
        for (Repeats.Count count : repeats.drain()) {
            Level level = level(count.kind().type());
            if (LOG.isLoggable(level)) {
                LOG.log(level, "AUDIT " + AuditLines.summaryLine(count, now, interval, maxKinds));
            }
        }
    }

    /**
     * What makes events of a type repeats of one another, or null for types written one by one.
     * A throttled login's detail is left out: it names the wait, which changes every second.
     */
    static Repeats.Kind kindOf(AuditEvent event) {
        return switch (event.type()) {
            case TOKEN_REJECTED ->
                new Repeats.Kind(
                        event.type(),
                        AuditLines.cut(event.username()),
                        AuditLines.cut(event.client()),
                        AuditLines.cut(event.detail()));
            case LOGIN_THROTTLED ->
                new Repeats.Kind(event.type(), AuditLines.cut(event.username()), AuditLines.cut(event.client()), null);
            default -> null;
        };
    }

    private static void write(Type type, AuditEvent event) {
        Level level = level(type);
        if (LOG.isLoggable(level)) {
            LOG.log(level, "AUDIT " + AuditLines.line(event));
        }
    }

    private static Level level(Type type) {
        return type.alarming() ? Level.WARNING : Level.INFO;
    }
}
