package dev.restauth.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Build-time launcher for a real PostgreSQL from Maven artifacts (zonky's binaries), run by the
 * exec plugin inside Maven's JVM so that the database lives exactly as long as the build or the
 * run command.
 *
 * <p>{@code start <dataDir> <serverDir> <keep|throwaway> [<serverDir>...]} starts PostgreSQL and
 * writes its connection settings as server variables into the configDropins of each Liberty
 * server named (the tests run two nodes on the one database). In {@code keep}
 * mode (the run command) the data survives restarts and a set {@code DB_HOST} means "use that
 * database instead". In {@code throwaway} mode (the tests) the folder is wiped first.
 * {@code stop <dataDir>} stops the postmaster recorded in that folder.
 *
 * <p>Running as root: postgres refuses uid 0, and zonky then runs it inside {@code unshare -U},
 * where the process is an unprivileged user of its own namespace; no extra OS user is needed.
 */
public final class EmbeddedDatabase {

    static final String DATABASE = "restauth";
    static final String SUPERUSER = "postgres";
    static final int RUN_PORT = 55432;
    private static final String DROPIN = "configDropins/overrides/embedded-postgres.xml";
    private static final long STOP_WAIT_SECONDS = 30;

    private EmbeddedDatabase() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && "start".equals(args[0])) {
            List<Path> serverDirs = new ArrayList<>();
            serverDirs.add(Path.of(args[2]));
            for (int i = 4; i < args.length; i++) {
                serverDirs.add(Path.of(args[i]));
            }
            start(Path.of(args[1]), serverDirs, "keep".equals(args[3]));
        } else if (args.length >= 2 && "stop".equals(args[0])) {
            stop(Path.of(args[1]));
        } else {
            throw new IllegalArgumentException(
                    "usage: start <dataDir> <serverDir> <keep|throwaway> [<serverDir>...] | stop <dataDir>");
        }
    }

    static void start(Path dataDir, List<Path> serverDirs, boolean keep) throws IOException, SQLException {
        String externalHost = System.getenv("DB_HOST");
        if (keep && externalHost != null && !externalHost.isBlank()) {
            for (Path serverDir : serverDirs) {
                Files.deleteIfExists(serverDir.resolve(DROPIN));
            }
            log("DB_HOST is set: the server uses the PostgreSQL at " + externalHost
                    + "; no embedded PostgreSQL started");
            return;
        }
        stop(dataDir);
        if (!keep) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(keep ? preferredPort(RUN_PORT) : 0)
                .start();
        // zonky stops the database from a shutdown hook that runs after Maven has closed this
        // class loader, fails half-way and leaves a broken data folder behind. Disarm it; the
        // JDK-only hook below stops the postmaster instead.
        disarmShutdownHook(postgres);
        long pid = postmasterPid(dataDir).orElseThrow(() -> new IllegalStateException("no postmaster.pid"));
        Runtime.getRuntime().addShutdownHook(new StopOnExit(pid));

        createDatabase(postgres);
        for (Path serverDir : serverDirs) {
            writeDropin(serverDir.resolve(DROPIN), postgres.getPort());
        }
        log("PostgreSQL " + (keep ? "" : "(throw-away) ") + "is up on localhost:" + postgres.getPort() + ", database '"
                + DATABASE + "', data in " + dataDir.toAbsolutePath());
    }

    static void stop(Path dataDir) {
        Optional<Long> pid = postmasterPid(dataDir);
        if (pid.isPresent()) {
            StopOnExit.stopAndWait(pid.get());
        }
    }

    private static int preferredPort(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
            return port;
        } catch (IOException busy) {
            log("port " + port + " is busy; using a free one");
            return 0;
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet exists =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /**
     * Overrides the server.xml variables (a {@code value} in configDropins/overrides beats both
     * the defaults and the environment). Local trust authentication: the password is unused.
     */
    private static void writeDropin(Path dropin, int port) throws IOException {
        Files.createDirectories(dropin.getParent());
        String xml = String.join(
                "\n",
                List.of(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<!-- Written by the build's embedded PostgreSQL launcher; do not edit. -->",
                        "<server>",
                        "    <variable name=\"db.host\" value=\"localhost\"/>",
                        "    <variable name=\"db.port\" value=\"" + port + "\"/>",
                        "    <variable name=\"db.name\" value=\"" + DATABASE + "\"/>",
                        "    <variable name=\"db.user\" value=\"" + SUPERUSER + "\"/>",
                        "    <variable name=\"db.password\" value=\"unused-with-local-trust-auth\"/>",
                        "</server>",
                        ""));
        Files.writeString(dropin, xml, StandardCharsets.UTF_8);
    }

    private static void disarmShutdownHook(EmbeddedPostgres postgres) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((AtomicBoolean) closed.get(postgres)).set(true);
        } catch (ReflectiveOperationException e) {
            log("could not disarm zonky's shutdown hook (" + e + "); it may log an error at exit");
        }
    }

    static Optional<Long> postmasterPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void log(String message) {
        System.out.println("[embedded-postgres] " + message);
    }

    /**
     * Stops a postmaster with JDK classes only: it also runs as a shutdown hook, when Maven may
     * already have closed the class loader that loaded zonky. SIGINT is PostgreSQL's "fast"
     * shutdown (abort open sessions, checkpoint, exit), which suits both Ctrl-C and the end of a
     * test run.
     */
    static final class StopOnExit extends Thread {
        private final long pid;

        StopOnExit(long pid) {
            super("embedded-postgres-stop");
            this.pid = pid;
        }

        @Override
        public void run() {
            stopAndWait(pid);
        }

        static void stopAndWait(long pid) {
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            if (postmaster.isEmpty() || !postmaster.get().isAlive()) {
                return;
            }
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(pid))
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (IOException noKillCommand) {
                postmaster.get().destroy();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                postmaster.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                System.out.println(
                        "[embedded-postgres] postmaster " + pid + " did not stop within " + STOP_WAIT_SECONDS + " s");
            }
        }
    }
}
