package dev.restauth.audit.control;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.platform.control.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;

/** Fires audit events, filling in when, and from which client and request. */
@ApplicationScoped
public class Audit {

    @Inject
    Event<AuditEvent> events;

    @Inject
    ClientAddress clients;

    @Inject
    Clock clock;

    public void record(Type type, String username, String detail) {
        events.fire(new AuditEvent(
                type,
                clock.instant(),
                username,
                clients.current().orElse(null),
                clients.requestLine().orElse(null),
                detail));
    }
}
