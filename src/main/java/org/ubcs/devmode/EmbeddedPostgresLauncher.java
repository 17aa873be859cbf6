package org.ubcs.devmode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the dev-mode embedded PostgreSQL. Kept apart from the config source factory so that zonky's classes are only
 * loaded when it is on the class path (dev mode and tests), never in production.
 * <p>
 * Every reason not to start is printed on {@code System.err} as well as thrown: this runs before Quarkus's logging
 * exists, and an exception thrown here was lost, leaving dev mode waiting with nothing on the screen.
 */
final class EmbeddedPostgresLauncher {

    /** How long a PostgreSQL left running by an earlier dev mode may take to stop. */
    static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    private EmbeddedPostgresLauncher() {
    }

    /** Starts PostgreSQL on {@code dataDirectory} and {@code port}; zonky's shutdown hook stops it with the JVM. */
    static EmbeddedPostgres start(Path dataDirectory, int port) {
        // A dev mode killed hard leaves its server running on the data directory: stop it first.
        LeftoverPostgres.clear(dataDirectory, LEFTOVER_STOP_WAIT);
        // zonky only waits for the port to answer: a foreign server on it would be used silently.
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw LeftoverPostgres.fail("port " + port + " is taken by another program. See which one with "
                    + "`ss -ltnp 'sport = :" + port + "'` (Linux) or `lsof -nP -iTCP:" + port + " -sTCP:LISTEN` "
                    + "(macOS) and stop it, or choose another port: ./mvnw quarkus:dev -Dubcs.dev.postgres-port="
                    + (port + 1) + " (or configure a database with QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL).");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false) // keep the data between restarts
                    .setPort(port)
                    .start(); // zonky's shutdown hook stops it with the JVM
            System.out.println("ubcs dev mode: embedded PostgreSQL on port " + port + ", data in " + dataDirectory);
            return postgres;
        } catch (IOException | RuntimeException e) {
            throw (IllegalStateException) LeftoverPostgres.fail("zonky could not start it in " + dataDirectory + ": "
                    + e + ". If another dev mode is running, stop it first; if the data directory is damaged and "
                    + "its data not needed, delete it: rm -r " + dataDirectory).initCause(e);
        }
    }
}
