package dev.restauth.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * Turns what {@link ChangeListener} receives into the CDI events the caches observe: a {@link
 * Change} per payload, or {@link ChangesMissed} (every cache starts over) whenever a cache may have
 * missed one — an unknown payload, an observer that failed, a connection (re)opened.
 */
@ApplicationScoped
public class ChangeEvents {

    private static final Logger LOG = System.getLogger(ChangeEvents.class.getName());

    @Inject
    Event<Change> changes;

    @Inject
    Event<ChangesMissed> missed;

    public void dispatch(List<String> payloads) {
        for (String payload : payloads) {
            Optional<Change> change = Change.parse(payload);
            if (change.isEmpty()) {
                LOG.log(Level.DEBUG, "Unknown change notification; flushing every cache");
                flush();
                continue;
            }
            try {
                changes.fire(change.get());
            } catch (RuntimeException e) {
                // An observer failed: its cache may now be stale, so start every cache over.
                LOG.log(Level.WARNING, "Evicting for " + change.get() + " failed; flushing every cache", e);
                flush();
            }
        }
    }

    /** Every cache starts over. */
    public void flush() {
        missed.fire(new ChangesMissed());
    }
}
