package dev.restauth.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The build's embedded PostgreSQL, as the outage tests handle it under the running server: stopped
 * and started again (an outage that refuses connections), or frozen and thawed (a hang: connections
 * stay open and nothing answers, as in a network partition).
 */
final class PostgresProcesses {

    private final Path dataDir;
    private final long postmaster;
    private final String port;
    private final Path pgCtl;

    private PostgresProcesses(Path dataDir) {
        this.dataDir = dataDir;
        try {
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            this.postmaster = Long.parseLong(pidFile.get(0).strip());
            this.port = pidFile.get(3).strip();
            // Found while the postmaster runs: start() needs it after stop().
            this.pgCtl = Files.readSymbolicLink(Path.of("/proc/" + postmaster + "/exe"))
                    .resolveSibling("pg_ctl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL the build started for the tests (failsafe passes its data folder). */
    static PostgresProcesses ofTheBuild() {
        return new PostgresProcesses(Path.of(System.getProperty("restauth.db.dir")));
    }

    /** PostgreSQL's "fast" shutdown: open sessions are aborted, new connections refused. */
    void stop() throws IOException, InterruptedException {
        kill("-INT", List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(process -> process.onExit().join());
    }

    /** As the build's launcher does: as root, postgres runs in a user namespace of its own. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                dataDir.toString(),
                "-o",
                "-p " + port + " -F",
                "-l",
                dataDir.resolve("restart.log").toString(),
                "-w",
                "start"));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pg_ctl start did not finish");
        assertEquals(0, process.exitValue(), "pg_ctl start failed");
    }

    /**
     * SIGSTOP to the postmaster first, so that it forks no new backend, then to every process it
     * started (backends with their open connections, checkpointer, WAL writer...). Their sockets stay
     * open and the kernel still accepts new TCP connections, but nothing is read or answered.
     */
    Frozen freeze() throws IOException, InterruptedException {
        kill("-STOP", List.of(postmaster));
        List<Long> children = ProcessHandle.of(postmaster)
                .orElseThrow()
                .children()
                .map(ProcessHandle::pid)
                .toList();
        Frozen frozen = new Frozen(children);
        // Should this JVM die mid-test, a stopped postmaster would stall the build's own shutdown.
        Runtime.getRuntime().addShutdownHook(frozen.onExit);
        kill("-STOP", children);
        return frozen;
    }

    final class Frozen implements AutoCloseable {
        private final List<Long> children;
        private final Thread onExit = new Thread(this::thawQuietly, "thaw-postgres");

        private Frozen(List<Long> children) {
            this.children = children;
        }

        /** SIGCONT to the children, then to the postmaster. */
        @Override
        public void close() throws IOException, InterruptedException {
            kill("-CONT", children);
            kill("-CONT", List.of(postmaster));
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }

        private void thawQuietly() {
            try {
                kill("-CONT", children);
                kill("-CONT", List.of(postmaster));
            } catch (IOException | InterruptedException ignored) {
                // nothing more can be done at exit
            }
        }
    }

    private static void kill(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        // Children may have exited meanwhile: kill then reports them, and the rest are signalled.
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** Until /health/ready is UP again (PostgreSQL reachable, schema migrated). */
    static void awaitReady() throws InterruptedException {
        for (int attempt = 0; attempt < 120; attempt++) {
            if (Http.get("/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the server did not become ready again");
    }
}
