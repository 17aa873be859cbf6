package org.ubcs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.ubcs.devmode.DevKeys;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * What the tests run against: a real, throwaway PostgreSQL (new temporary directory, free port) and a signing key
 * pair made for this run, whose public half the service trusts. Nothing is shared with a developer's dev database.
 */
public class TestServices implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "urn:ubcs:test";
    static final String PRIVATE_KEY_PROPERTY = "ubcs.test.jwt-private-key";

    private EmbeddedPostgres postgres;
    private GreenMail smtp;

    /** The SMTP server of the running test services, for tests that read what was sent. */
    public static GreenMail mail;

    private static javax.sql.DataSource database;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            mail = smtp;
            database = postgres.getPostgresDatabase();
            // One key pair per JVM: Tokens caches the tokens it signs for the JVM, so a second start (an IT that
            // starts its own services for each test) must keep trusting them.
            String signingKey = System.getProperty(PRIVATE_KEY_PROPERTY);
            Path keys = signingKey != null ? Path.of(signingKey).getParent()
                    : TemporaryFolders.createDeletedAtExit("ubcs-test-jwt");
            DevKeys.ensureKeyPair(keys);
            System.setProperty(PRIVATE_KEY_PROPERTY, keys.resolve("private.pem").toString());
            int port = postgres.getPort();
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "mp.jwt.verify.publickey.location", keys.resolve("public.pem").toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one SQL statement against the test database and returns the rows it changed. Only for what the API must
     * never offer: moving a stored date into the past, as time itself would.
     */
    public static int sql(String statement, Object... parameters) {
        try (var connection = database.getConnection(); var prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            return prepared.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of each row a query returns, for tests that count what was written. */
    public static java.util.List<Object> query(String statement, Object... parameters) {
        try (var connection = database.getConnection(); var prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            var rows = new java.util.ArrayList<Object>();
            try (var result = prepared.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getObject(1));
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a {@code select count(*) ...} returns, for tests that check what was (not) written. */
    public static long count(String statement, Object... parameters) {
        return ((Number) query(statement, parameters).get(0)).longValue();
    }

    /** Runs work on one connection to the test database, in one transaction (committed if it returns). */
    public static void inTransaction(SqlWork work) {
        try (var connection = database.getConnection()) {
            connection.setAutoCommit(false);
            work.run(connection);
            connection.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Work on a JDBC connection. */
    public interface SqlWork {
        void run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
