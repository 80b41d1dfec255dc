package dev.restauth.audit.control;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.audit.entity.AuditEvent.Type;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The text of audit lines, apart from when they are written ({@link AuditLog}): JSON, so that a
 * username with quotes or line breaks cannot forge a second line, and every value cut to the
 * longest a username can be, so that a megabyte "username" cannot flood the log either.
 */
final class AuditLines {

    private static final int MAX_FIELD = 150;

    private AuditLines() {}

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

    /** The value as it would be written: null stays null, a long one is cut. */
    static String cut(String value) {
        return value == null || value.length() <= MAX_FIELD ? value : value.substring(0, MAX_FIELD) + "…";
    }

    private static String name(Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, cut(value));
        }
    }
}
