package org.ubcs.problem;

import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.ubcs.database.ConnectionAcquisitionTimeoutException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure that means "the database cannot be reached just now" from every other failure, so that it is
 * answered 503 with Retry-After instead of 500. Only these causes count, wherever they sit in the chain of causes
 * (Hibernate Reactive and Mutiny wrap them in {@code CompletionException}, {@code HibernateException} and the like):
 * <ul>
 * <li>no connection could be opened, or the socket to the database failed: {@link SocketException}, which covers
 * {@code ConnectException} (refused; netty's connect timeout extends it), {@code NoRouteToHostException} and
 * "Connection reset" (seen when PostgreSQL stops under load);</li>
 * <li>no connection could be had from the pool in time: {@link ConnectionAcquisitionTimeoutException};</li>
 * <li>an open connection was lost: {@link ClosedConnectionException}, and the Vert.x SQL client's untyped signals
 * for a command on a connection that has closed (see {@link #LOST_CONNECTION});</li>
 * <li>PostgreSQL refused or ended the session: SQLSTATE class 08 (connection exception), 57P01 to 57P05 (admin or
 * crash shutdown, cannot connect now, database dropped, idle session timeout) and 53300 (too many connections).</li>
 * </ul>
 * A failed statement (a constraint, a syntax error, a serialization failure) is not among them: it is a rule or a
 * bug, and stays 4xx or 500. PostgreSQL rolls back a transaction whose connection is lost, so a 503 never leaves half
 * a change behind; a lost commit acknowledgement is the one case where the change may have been made, which is why
 * creates take an Idempotency-Key.
 */
public final class DatabaseUnavailable {

    static final String DETAIL = "The service cannot reach its database just now, so the request was not done; try "
            + "again shortly (a create with the same Idempotency-Key).";
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final long LOG_EVERY = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong NEXT_LOG = new AtomicLong(System.nanoTime());
    private static final AtomicLong NOT_LOGGED = new AtomicLong();

    /**
     * How the Vert.x SQL client (4.5) fails a command sent on a connection that has closed: with an untyped
     * {@code NoStackTraceThrowable} or {@code VertxException} carrying one of these messages
     * ({@code SocketConnectionBase}). Seen when PostgreSQL stops while requests are in flight.
     */
    static final String[] LOST_CONNECTION = { "Connection is not active now, current status: CLOSED",
            "Pending requests failed to be sent due to connection has been closed." };

    private DatabaseUnavailable() {
    }

    /** Whether this failure, or one of its causes, means the database cannot be reached. */
    public static boolean explains(Throwable failure) {
        return cause(failure) != null;
    }

    /** Seconds a client should wait before trying again: the setting {@code ubcs.database.retry-after}. */
    public static int retryAfterSeconds() {
        return Math.max(1, ConfigProvider.getConfig().getOptionalValue("ubcs.database.retry-after", Integer.class)
                .orElse(5));
    }

    /**
     * Notes the failure in the log: one WARN line at most every ten seconds, counting the ones in between, so that an
     * outage under load is visible without burying the log. Types only (messages may quote stored values), but for
     * the SQL client's untyped signals, which are told by their fixed texts.
     */
    static void log(String path, Throwable failure) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("The database cannot be reached (%s, on %s)", describe(cause(failure)), path);
        }
        long now = System.nanoTime();
        long next = NEXT_LOG.get();
        if (now - next >= 0 && NEXT_LOG.compareAndSet(next, now + LOG_EVERY)) {
            LOG.warnf("The database cannot be reached (%s, on %s); answering 503 until it can. %d more such "
                    + "failures since the last line.", describe(cause(failure)), path, NOT_LOGGED.getAndSet(0));
        } else {
            NOT_LOGGED.incrementAndGet();
        }
    }

    private static Throwable cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof ConnectionAcquisitionTimeoutException
                    || t instanceof ClosedConnectionException
                    || t instanceof PgException pg && isConnectionState(pg.getSqlState())
                    || isLostConnectionSignal(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean isConnectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[1-5]")
                || sqlState.equals("53300"));
    }

    private static boolean isLostConnectionSignal(Throwable t) {
        String type = t.getClass().getName();
        if (!type.equals("io.vertx.core.impl.NoStackTraceThrowable") && !type.equals("io.vertx.core.VertxException")) {
            return false;
        }
        for (String message : LOST_CONNECTION) {
            if (message.equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof PgException pg) {
            return cause.getClass().getName() + " [SQLSTATE " + pg.getSqlState() + "]";
        }
        // An untyped signal is told by its message, one of the client's own fixed texts: safe to show.
        return isLostConnectionSignal(cause) ? cause.getClass().getName() + " \"" + cause.getMessage() + "\""
                : cause.getClass().getName();
    }
}
