package org.ubcs.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A dev mode killed hard leaves its PostgreSQL running; the next dev mode must start anyway (it used to hang with no
 * message). A child JVM plays the killed dev mode with a real embedded PostgreSQL.
 */
class LeftoverPostgresTest {

    @TempDir
    Path folder;

    private Path dataDirectory;
    private Process abandoned;

    @AfterEach
    void leaveNothingRunning() {
        if (abandoned != null) {
            abandoned.destroyForcibly();
        }
        if (dataDirectory != null) {
            LeftoverPostgres.clear(dataDirectory, Duration.ofSeconds(30));
        }
    }

    @Test
    void theNextStartStopsTheServerAHardKilledDevModeLeftAndKeepsItsData() throws Exception {
        dataDirectory = folder.resolve("postgres");
        int port = freePort();
        abandoned = startAndKillHard(dataDirectory, port);
        long leftPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false),
                "the hard kill left PostgreSQL running, as it does in dev mode");

        try (EmbeddedPostgres restarted = EmbeddedPostgresLauncher.start(dataDirectory, port)) {
            assertFalse(ProcessHandle.of(leftPid).map(ProcessHandle::isAlive).orElse(false), "left-over server stopped");
            try (Connection connection = restarted.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
                assertTrue(rows.next());
                assertEquals("written before the hard kill", rows.getString(1));
            }
        }
    }

    @Test
    void aPidFileWhoseServerIsGoneIsRemoved() throws IOException {
        dataDirectory = Files.createDirectories(folder.resolve("stale"));
        long deadPid = finishedProcessId();
        Files.write(dataDirectory.resolve("postmaster.pid"),
                List.of(Long.toString(deadPid), dataDirectory.toString(), "1700000000", "54329"));

        assertEquals(LeftoverPostgres.Found.STALE_PID_FILE, LeftoverPostgres.clear(dataDirectory, Duration.ofSeconds(1)));
        assertFalse(Files.exists(dataDirectory.resolve("postmaster.pid")));
        assertEquals(LeftoverPostgres.Found.NOTHING, LeftoverPostgres.clear(dataDirectory, Duration.ofSeconds(1)));
    }

    @Test
    void aPortHeldByAnotherProgramIsExplainedWithTheWayOut() throws IOException {
        try (ServerSocket other = new ServerSocket(0)) {
            int port = other.getLocalPort();
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> EmbeddedPostgresLauncher.start(folder.resolve("unused"), port));
            assertTrue(refused.getMessage().contains("port " + port + " is taken"), refused.getMessage());
            assertTrue(refused.getMessage().contains("-Dubcs.dev.postgres-port="), refused.getMessage());
        }
    }

    /** Runs {@link AbandonedPostgres} in a child JVM until its server is up, then kills that JVM with SIGKILL. */
    private Process startAndKillHard(Path data, int port) throws Exception {
        Path ready = folder.resolve("ready");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AbandonedPostgres.class.getName(), data.toString(), Integer.toString(port), ready.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(ready)) {
            assertTrue(child.isAlive(), () -> "child JVM died: " + readLog());
            assertTrue(System.nanoTime() < deadline, () -> "PostgreSQL did not start in the child: " + readLog());
            Thread.sleep(100);
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hook runs
        return child;
    }

    private String readLog() {
        try {
            return Files.readString(folder.resolve("child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long finishedProcessId() throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
