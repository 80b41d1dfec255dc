package dev.restauth.audit.control;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.audit.entity.AuditEvent.Type;
import dev.restauth.platform.control.ClientAddress;
import dev.restauth.platform.entity.RequestOrigin;
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

    /** An event of the current request (or of none, outside a request). */
    public void record(Type type, String username, String detail) {
        record(type, username, detail, clients.origin());
    }

    /** An event of a request whose work continues off its thread, where it cannot be asked. */
    public void record(Type type, String username, String detail, RequestOrigin origin) {
        events.fire(new AuditEvent(type, clock.instant(), username, origin.address(), origin.requestLine(), detail));
    }
}
