package dev.restauth.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's ear on {@link Changes}: one thread holding one connection (the listener dataSource,
 * outside the pool that serves requests) in {@code LISTEN restauth_changes}, which hands each
 * notification to {@link ChangeEvents} for the caches to evict. Requests never touch it.
 *
 * <p>Whenever the connection is opened — at start and after any failure — {@link ChangesMissed}
 * is fired first: notifications sent while nobody listened are lost, so every cache starts over.
 * A failure is retried after {@code changes.listener.reconnect-delay}, doubling up to
 * {@link ReconnectBackoff#MAX_DELAY}; meanwhile the caches' TTLs still bound how stale they get. A
 * connection that died silently (no FIN from a vanished peer) is found by TCP keepalive and by
 * a validity check every {@code changes.listener.check-interval}. The loop polls in short slices
 * so that stopping the application ends it at once; the connection is put back with
 * {@code UNLISTEN *}, because Liberty keeps its pool across application restarts.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = System.getLogger(ChangeListener.class.getName());

    /** How long one wait for notifications lasts: also how long stopping may take. */
    static final int POLL_MILLIS = 250;

    private static final int VALIDITY_TIMEOUT_SECONDS = 5;

    @Resource(lookup = "jdbc/restauth-listener")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    ChangeEvents events;

    @Inject
    @ConfigProperty(name = "changes.listener.reconnect-delay", defaultValue = "PT1S")
    Duration reconnectDelay;

    @Inject
    @ConfigProperty(name = "changes.listener.check-interval", defaultValue = "PT5S")
    Duration checkInterval;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Thread thread;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!driverVisible()) {
            LOG.log(
                    Level.WARNING,
                    "Change notifications are off: the application cannot see the PostgreSQL driver (its"
                            + " webApplication needs <classloader commonLibraryRef=\"pgjdbc\"/>). Changes made"
                            + " on other nodes apply here only when the caches expire.");
            return;
        }
        running = true;
        thread = threads.newThread(this::listen);
        thread.setName("restauth-change-listener");
        thread.start();
    }

    /** True while the connection is open and listening. */
    public boolean isListening() {
        return listening;
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread listener = thread;
        if (listener == null) {
            return;
        }
        listener.interrupt();
        try {
            listener.join(Duration.ofSeconds(VALIDITY_TIMEOUT_SECONDS).toMillis() + POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        ReconnectBackoff backoff = new ReconnectBackoff(reconnectDelay);
        while (running()) {
            try (Connection connection = dataSource.getConnection();
                    Notifications notifications = Notifications.listen(connection)) {
                try {
                    listening = true;
                    backoff.connected();
                    events.flush();
                    receive(connection, notifications);
                } finally {
                    listening = false;
                }
            } catch (SQLException | RuntimeException e) {
                if (!running() || !backoff.waitAfter(e)) {
                    break;
                }
            }
        }
        LOG.log(Level.DEBUG, "Change listener stopped");
    }

    private void receive(Connection connection, Notifications notifications) throws SQLException {
        Instant nextCheck = Instant.now().plus(checkInterval);
        while (running()) {
            List<String> payloads = notifications.receive(POLL_MILLIS);
            if (!payloads.isEmpty()) {
                events.dispatch(payloads);
            } else if (Instant.now().isAfter(nextCheck)) {
                if (!connection.isValid(VALIDITY_TIMEOUT_SECONDS)) {
                    throw new SQLException("the listener connection no longer answers");
                }
                nextCheck = Instant.now().plus(checkInterval);
            }
        }
    }

    private boolean running() {
        return running && !Thread.currentThread().isInterrupted();
    }

    /** Only with {@code <classloader commonLibraryRef="pgjdbc"/>} on the webApplication. */
    private static boolean driverVisible() {
        try {
            Class.forName("org.postgresql.PGConnection", false, ChangeListener.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
