package org.ubcs.devmode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clears the way for the dev-mode PostgreSQL when an earlier dev mode was killed hard (kill -9, a closed terminal or
 * IDE) and so never stopped its server. That server keeps running on the data directory and the port; without this
 * class the next dev mode found the port taken, failed before Quarkus's logging existed, and seemed to hang.
 * <p>
 * PostgreSQL writes {@code postmaster.pid} in its data directory while it runs: the server's process id on the first
 * line and its port on the fourth. If that process still runs and is a PostgreSQL, it is asked to stop (SIGTERM,
 * PostgreSQL's "smart" shutdown: it refuses new connections and stops once the last client has gone, at once after a
 * hard kill, whose connections died with it). If the process is gone, the file is stale and is removed.
 * <p>
 * Only the JDK is used here (no zonky), and everything is said on {@code System.err}: this runs from a config source
 * factory, before logging exists.
 */
final class LeftoverPostgres {

    static final String PID_FILE = "postmaster.pid";
    static final String ZONKY_LOCK_FILE = "epg-lock";

    /** What {@link #clear} found in the data directory. */
    enum Found {
        /** No {@code postmaster.pid}: the last server stopped normally, or none ever ran there. */
        NOTHING,
        /** A {@code postmaster.pid} whose process no longer runs (or is no PostgreSQL): removed. */
        STALE_PID_FILE,
        /** A PostgreSQL still running on the data directory: stopped. */
        STOPPED_SERVER
    }

    private LeftoverPostgres() {
    }

    /**
     * Makes sure no PostgreSQL runs on {@code dataDirectory}, stopping one left running; waits at most {@code wait}
     * for it to stop, else throws an exception whose message (also printed) gives the command that stops it.
     */
    static Found clear(Path dataDirectory, Duration wait) {
        refuseIfInUse(dataDirectory);
        Path pidFile = dataDirectory.resolve(PID_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException e) {
            return Found.NOTHING;
        } catch (IOException e) {
            throw fail("cannot read " + pidFile + " (" + e + "). Check that it is readable, or delete it if no "
                    + "PostgreSQL runs on " + dataDirectory + ".");
        }
        Optional<ProcessHandle> server = pid(lines).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(LeftoverPostgres::isPostgres);
        if (server.isEmpty()) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw fail("cannot remove the stale " + pidFile + " (" + e + "). Delete it: rm " + pidFile);
            }
            say("removed " + pidFile + ": the PostgreSQL that wrote it (pid " + lines.stream().findFirst().orElse("?")
                    + ") no longer runs.");
            return Found.STALE_PID_FILE;
        }
        long pid = server.get().pid();
        String port = lines.size() > 3 ? lines.get(3).trim() : "?";
        say("PostgreSQL (pid " + pid + ", port " + port + ") is still running on " + dataDirectory
                + ", left by a dev mode that did not stop normally. Stopping it.");
        server.get().destroy(); // SIGTERM on Unix-like systems: PostgreSQL's smart shutdown
        if (!awaitStop(server.get(), pidFile, wait)) {
            throw fail("PostgreSQL (pid " + pid + ") on " + dataDirectory + " did not stop within " + wait.toSeconds()
                    + " s: a client still uses it, perhaps another dev mode that is still running. Stop that dev mode"
                    + " (q), or stop this server at once with: kill -INT " + pid);
        }
        say("stopped the left-over PostgreSQL (pid " + pid + ").");
        return Found.STOPPED_SERVER;
    }

    /**
     * zonky holds a lock on {@code epg-lock} in the data directory for as long as the JVM that started the server
     * lives. If another process holds it, the server is not left over but in use by a running dev mode (or test).
     */
    private static void refuseIfInUse(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw fail("another dev mode is running and using " + dataDirectory + ". Stop it first (q or Ctrl-C "
                        + "in its terminal), or point this one at another database with QUARKUS_DATASOURCE_REACTIVE_URL "
                        + "and QUARKUS_DATASOURCE_JDBC_URL.");
            }
        } catch (OverlappingFileLockException e) {
            throw fail("this JVM already runs a PostgreSQL on " + dataDirectory + ".");
        } catch (IOException e) {
            // Unreadable or unlockable lock file: leave the verdict to the pid file and zonky.
        }
    }

    private static Optional<Long> pid(List<String> lines) {
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A process id may have been reused since the file was written (after a reboot, say): only a process whose
     * program is {@code postgres} is stopped. Where the program cannot be seen (another user's process), it is taken
     * to be the server, and stopping it then fails with a message rather than starting a second server.
     */
    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString())
                .map(program -> program.equals("postgres") || program.equals("postgres.exe"))
                .orElse(true);
    }

    /** Stopped once the process has ended or, as PostgreSQL's last act, removed its pid file. */
    private static boolean awaitStop(ProcessHandle server, Path pidFile, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (server.isAlive() && Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        // The pid file goes just before the process ends; give it the moment to release the port.
        server.onExit().completeOnTimeout(server, 2, java.util.concurrent.TimeUnit.SECONDS).join();
        return true;
    }

    private static void say(String message) {
        System.err.println("ubcs dev mode: " + message);
    }

    /** Prints the reason (logging does not exist yet, and Quarkus may swallow the exception) and returns it. */
    static IllegalStateException fail(String message) {
        System.err.println("ubcs dev mode: the embedded PostgreSQL cannot start: " + message);
        return new IllegalStateException(message);
    }
}
