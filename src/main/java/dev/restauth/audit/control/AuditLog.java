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
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit events as lines in the server log, on the logger {@code dev.restauth.audit}:
 * {@code AUDIT {"event":"login_failed","at":"...","user":"alice","client":"203.0.113.9",...}}.
 * JSON, so that a username with quotes or line breaks cannot forge a second line; every value is
 * cut to the longest a username can be, so a megabyte "username" cannot flood the log either.
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
    private static final int MAX_FIELD = 150;

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
                LOG.log(level, "AUDIT " + summaryLine(count, now, interval, maxKinds));
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
                new Repeats.Kind(event.type(), cut(event.username()), cut(event.client()), cut(event.detail()));
            case LOGIN_THROTTLED -> new Repeats.Kind(event.type(), cut(event.username()), cut(event.client()), null);
            default -> null;
        };
    }

    private static void write(Type type, AuditEvent event) {
        Level level = level(type);
        if (LOG.isLoggable(level)) {
            LOG.log(level, "AUDIT " + line(event));
        }
    }

    private static Level level(Type type) {
        return type.alarming() ? Level.WARNING : Level.INFO;
    }

    static String line(AuditEvent event) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("event", name(event.type()))
                .add("at", event.at().toString());
        add(json, "user", event.username());
        add(json, "client", event.client());
        add(json, "request", event.request());
        add(json, "detail", event.detail());
        return json.build().toString();
    }

    /**
     * {@code {"event":"token_rejected","at":"...","client":"...","detail":"...","repeats":4711,
     * "within":"PT1M"}}: this many more events like the one written before, in the interval
     * ending now. Untracked kinds (more than {@code maxKinds} at once) are summed per type.
     */
    static String summaryLine(Repeats.Count count, Instant now, Duration interval, int maxKinds) {
        Repeats.Kind kind = count.kind();
        JsonObjectBuilder json =
                Json.createObjectBuilder().add("event", name(kind.type())).add("at", now.toString());
        add(json, "user", kind.username());
        add(json, "client", kind.client());
        add(
                json,
                "detail",
                count.untracked() ? "kinds beyond the " + maxKinds + " tracked, all clients" : kind.detail());
        return json.add("repeats", count.repeats())
                .add("within", interval.toString())
                .build()
                .toString();
    }

    private static String name(Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, cut(value));
        }
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD) + "…";
    }
}
