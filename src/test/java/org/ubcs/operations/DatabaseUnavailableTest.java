package org.ubcs.operations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.database.ConnectionAcquisitionTimeoutException;
import org.ubcs.problem.DatabaseUnavailable;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Which failures are answered 503 (the database cannot be reached) and which stay what they are. The types are the
 * ones DatabaseOutageIT meets when PostgreSQL stops, hangs or is gone; the rest must not turn a bug into a 503.
 */
class DatabaseUnavailableTest {

    @Test
    void aDatabaseThatCannotBeReachedExplainsTheFailureWhereverItIsInTheChain() {
        Throwable timedOut = new io.netty.channel.ConnectTimeoutException("connect timed out");
        assertTrue(DatabaseUnavailable.explains(new ConnectException("Connection refused")));
        assertTrue(DatabaseUnavailable.explains(new SocketException("Connection reset")));
        assertTrue(DatabaseUnavailable.explains(new NoRouteToHostException("No route to host")));
        assertTrue(DatabaseUnavailable.explains(timedOut));
        assertTrue(DatabaseUnavailable.explains(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseUnavailable.explains(new ConnectionAcquisitionTimeoutException(2000)));
        assertTrue(DatabaseUnavailable.explains(new NoStackTraceThrowable(
                "Connection is not active now, current status: CLOSED")));
        assertTrue(DatabaseUnavailable.explains(new VertxException(
                "Pending requests failed to be sent due to connection has been closed.", timedOut)));
        // As Hibernate Reactive and Mutiny hand it on.
        assertTrue(DatabaseUnavailable.explains(new CompletionException(new HibernateException("wrapped",
                ClosedConnectionException.INSTANCE))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "57P04", "57P05", "53300" })
    void postgresqlRefusingOrEndingTheSessionIsUnavailability(String sqlState) {
        assertTrue(DatabaseUnavailable.explains(new CompletionException(pg(sqlState))), sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = { "23505", "23503", "40001", "40P01", "42601", "42P01", "57014", "22001", "53200", "XX000" })
    void aStatementPostgresqlRefusesIsNot(String sqlState) {
        assertFalse(DatabaseUnavailable.explains(new CompletionException(pg(sqlState))), sqlState);
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.explains(new NullPointerException()));
        assertFalse(DatabaseUnavailable.explains(new IllegalStateException("Result is already complete")));
        assertFalse(DatabaseUnavailable.explains(new CompletionException(new HibernateException("a bug"))));
        assertFalse(DatabaseUnavailable.explains(new SQLException("no", "08006"))); // JDBC is only used by Flyway
        assertFalse(DatabaseUnavailable.explains(new NoStackTraceThrowable("Timeout")));
        assertFalse(DatabaseUnavailable.explains(new VertxException("Connection is not active now, but later")));
    }

    private static PgException pg(String sqlState) {
        return new PgException("message", "ERROR", sqlState, null);
    }
}
