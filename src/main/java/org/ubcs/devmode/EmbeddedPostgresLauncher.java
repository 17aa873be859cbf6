package org.ubcs.devmode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the dev-mode embedded PostgreSQL. Kept apart from the config source factory so that zonky's classes are only
 * loaded when it is on the class path (dev mode and tests), never in production.
 */
final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {
    }

    static void start(Path dataDirectory, int port) {
        // zonky only waits for the port to answer: a foreign server on it would be used silently.
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is taken, so the embedded PostgreSQL cannot start. "
                    + "Free it, choose another with -Dubcs.dev.postgres-port=..., or configure a database with "
                    + "QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL.", e);
        }
        try {
            EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false) // keep the data between restarts
                    .setPort(port)
                    .start(); // zonky's shutdown hook stops it with the JVM
            System.out.println("ubcs dev mode: embedded PostgreSQL on port " + port + ", data in " + dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}
