package dev.restauth.audit.control;

import dev.restauth.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * One line per audit event in the server log, on the logger {@code dev.restauth.audit}:
 * {@code AUDIT {"event":"login_failed","at":"...","user":"alice","client":"203.0.113.9",...}}.
 * JSON, so that a username with quotes or line breaks cannot forge a second line; usernames are
 * cut to the longest a user can have, so a megabyte "username" cannot flood the log either.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = System.getLogger("dev.restauth.audit");
    private static final int MAX_FIELD = 150;

    void onEvent(@Observes AuditEvent event) {
        Level level = event.type().alarming() ? Level.WARNING : Level.INFO;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "AUDIT " + line(event));
        }
    }

    static String line(AuditEvent event) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("event", event.type().name().toLowerCase(Locale.ROOT))
                .add("at", event.at().toString());
        add(json, "user", event.username());
        add(json, "client", event.client());
        add(json, "request", event.request());
        add(json, "detail", event.detail());
        return json.build().toString();
    }

    private static void add(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) + "…" : value);
        }
    }
}
