package dev.restauth.audit.control;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.restauth.audit.entity.AuditEvent;
import dev.restauth.platform.control.ClientAddress;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.List;

/** An {@link Audit} outside the container: the events it fires land in a list. */
public final class TestAudits {

    private TestAudits() {}

    @SuppressWarnings("unchecked")
    public static Audit into(List<AuditEvent> recorded) {
        Audit audit = new Audit();
        audit.events = mock(Event.class);
        doAnswer(fired -> recorded.add(fired.getArgument(0))).when(audit.events).fire(any());
        audit.clients = new ClientAddress(); // no request here: no client, no request line
        audit.clock = Clock.systemUTC();
        return audit;
    }
}
