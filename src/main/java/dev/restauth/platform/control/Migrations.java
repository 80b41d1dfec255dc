package dev.restauth.platform.control;

import dev.restauth.errors.control.DatabaseFailures;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the versioned SQL in {@code db/migration} at startup. When PostgreSQL cannot be reached
 * it retries on a schedule; any other failure (a changed migration, bad SQL) is logged once and
 * leaves the server not-ready, because retrying cannot fix it.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = System.getLogger(Migrations.class.getName());

    @Resource(lookup = "jdbc/restauth")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "migrations.retry.interval", defaultValue = "PT5S")
    Duration retryInterval;

    /**
     * How long one migration statement may run (or wait for a lock): migrations are exempt from
     * the few seconds every request's statements get (db.statement.timeout), but not unbounded.
     */
    @Inject
    @ConfigProperty(name = "migrations.timeout", defaultValue = "PT10M")
    Duration timeout;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean complete;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        migrateOrRetry();
    }

    public boolean isComplete() {
        return complete;
    }

    void migrateOrRetry() {
        try {
            migrate();
        } catch (RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.log(
                        Level.WARNING,
                        "PostgreSQL is unreachable ({0}); retrying the schema migrations in {1}",
                        rootMessage(e),
                        retryInterval);
                scheduler.schedule(this::migrateOrRetry, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.log(Level.ERROR, "The schema migrations failed; the server stays not-ready", e);
            }
        }
    }

    private synchronized void migrate() {
        if (complete) {
            return;
        }
        MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(new MigrationConnections(dataSource, timeout))
                // Liberty's class loader cannot list a folder; Flyway finds it by the empty marker
                // file db/migration/flyway.location. Flyway also always probes db/callback (we have
                // no callbacks), which carries a marker too so that the probe logs no error.
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        complete = true;
        LOG.log(
                Level.INFO,
                "Database schema at version {0} ({1} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        schemaReady.fire(new SchemaReady());
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
