package org.ubcs.devmode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Stands in for a dev mode that is then killed hard: run in a child JVM, it starts PostgreSQL as dev mode does
 * ({@code args[0]} data directory, {@code args[1]} port), stores a row, writes {@code args[2]} to say it is ready, and
 * waits to be killed.
 */
public final class AbandonedPostgres {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('written before the hard kill')");
        }
        Files.writeString(Path.of(args[2]), "ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
