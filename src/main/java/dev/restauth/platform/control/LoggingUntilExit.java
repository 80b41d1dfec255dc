package dev.restauth.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.logging.LogManager;

/**
 * Keeps the application's log lines, the audit among them, while the server stops.
 *
 * <p>On SIGTERM the JDK's {@link LogManager} resets itself in a shutdown hook of its own, which
 * takes Liberty's handler off every logger while Liberty is still stopping the server: every line
 * the application logged after that was dropped. docker/smoke found it with 24 logins answered 200
 * during the stop and not one of them audited. Liberty's LogManager ({@code WsLogManager}) can be
 * told not to reset, as its own documentation says a server should be; it stays reachable only by
 * name, from the server's boot class path. On another runtime this does nothing.
 */
@ApplicationScoped
public class LoggingUntilExit {

    private static final Logger LOG = System.getLogger(LoggingUntilExit.class.getName());

    void keep(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LogManager manager = LogManager.getLogManager();
        try {
            manager.getClass().getMethod("disableReset").invoke(manager);
        } catch (ReflectiveOperationException | RuntimeException notLiberty) {
            LOG.log(
                    Level.DEBUG,
                    "{0} cannot be kept from resetting at exit: lines logged while the JVM exits may be lost",
                    manager.getClass().getName());
        }
    }
}
