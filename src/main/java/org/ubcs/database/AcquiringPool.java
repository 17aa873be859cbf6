package org.ubcs.database;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collector;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.Tuple;

/**
 * The reactive PostgreSQL pool with one change: a query sent to the pool itself (rather than to a connection) first
 * takes a connection with {@link #getConnection()} and gives it back when the query is done.
 * <p>
 * Why: in the Vert.x SQL client 4.5 (4.5.27 here; unchanged up to 4.5.31), {@code Pool.query(...)} and
 * {@code Pool.preparedQuery(...)} run through {@code SqlConnectionPool.execute}, which starts a timer for the
 * acquisition timeout and cancels it only when a connection was acquired. When the database cannot be reached the
 * query fails at once, the timer stays, and when it fires one acquisition timeout later it fails the already failed
 * promise: {@code IllegalStateException: Result is already complete}, logged by Vert.x as an uncaught ERROR, once for
 * every pool-level query made during the outage (the readiness check's {@code SELECT 1}, the contact check's
 * queries, Hibernate Reactive's statements outside a transaction), so the log fills with them after the database is
 * back (eclipse-vertx/vertx-sql-client#1706). {@code getConnection()} takes the other path,
 * {@code SqlConnectionPool.acquire}, which cancels its timer on failure as well as on success. Remove this class when
 * the client is fixed.
 * <p>
 * It also gives the pool's acquisition timeout a type of its own ({@link ConnectionAcquisitionTimeoutException}),
 * which Vert.x reports as an untyped "Timeout".
 */
@SuppressWarnings("deprecation") // Quarkus 3.33 still expects the pool it is given to be a PgPool
final class AcquiringPool implements PgPool {

    private final PgPool pool;
    private final long acquisitionTimeoutMillis;

    AcquiringPool(PgPool pool, long acquisitionTimeoutMillis) {
        this.pool = pool;
        this.acquisitionTimeoutMillis = acquisitionTimeoutMillis;
    }

    @Override
    public Future<SqlConnection> getConnection() {
        return pool.getConnection().recover(failure -> Future.failedFuture(
                // SqlConnectionPool.acquire fails a waiter whose time ran out with exactly this.
                failure instanceof NoStackTraceThrowable && "Timeout".equals(failure.getMessage())
                        ? new ConnectionAcquisitionTimeoutException(acquisitionTimeoutMillis)
                        : failure));
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return new OnConnection<>(this, connection -> connection.query(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return new PreparedOnConnection<>(this, connection -> connection.preparedQuery(sql));
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return new PreparedOnConnection<>(this, connection -> connection.preparedQuery(sql, options));
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        pool.connectHandler(handler);
        return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        pool.connectionProvider(provider);
        return this;
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        pool.close(handler);
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }

    /** A query made on a connection of the pool, taken for it and given back after. */
    private static class OnConnection<T> implements Query<T> {

        final Pool pool;
        private final Function<SqlConnection, Query<T>> query;

        OnConnection(Pool pool, Function<SqlConnection, Query<T>> query) {
            this.pool = pool;
            this.query = query;
        }

        @Override
        public Future<T> execute() {
            return pool.withConnection(connection -> query.apply(connection).execute());
        }

        @Override
        public void execute(Handler<AsyncResult<T>> handler) {
            execute().onComplete(handler);
        }

        @Override
        public <R> Query<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
            return new OnConnection<>(pool, connection -> query.apply(connection).collecting(collector));
        }

        @Override
        public <U> Query<RowSet<U>> mapping(Function<Row, U> mapper) {
            return new OnConnection<>(pool, connection -> query.apply(connection).mapping(mapper));
        }
    }

    private static final class PreparedOnConnection<T> extends OnConnection<T> implements PreparedQuery<T> {

        private final Function<SqlConnection, PreparedQuery<T>> query;

        PreparedOnConnection(Pool pool, Function<SqlConnection, PreparedQuery<T>> query) {
            super(pool, query::apply);
            this.query = query;
        }

        @Override
        public Future<T> execute(Tuple tuple) {
            return pool.withConnection(connection -> query.apply(connection).execute(tuple));
        }

        @Override
        public void execute(Tuple tuple, Handler<AsyncResult<T>> handler) {
            execute(tuple).onComplete(handler);
        }

        @Override
        public Future<T> executeBatch(List<Tuple> batch) {
            return pool.withConnection(connection -> query.apply(connection).executeBatch(batch));
        }

        @Override
        public void executeBatch(List<Tuple> batch, Handler<AsyncResult<T>> handler) {
            executeBatch(batch).onComplete(handler);
        }

        @Override
        public <R> PreparedQuery<SqlResult<R>> collecting(Collector<Row, ?, R> collector) {
            return new PreparedOnConnection<>(pool, connection -> query.apply(connection).collecting(collector));
        }

        @Override
        public <U> PreparedQuery<RowSet<U>> mapping(Function<Row, U> mapper) {
            return new PreparedOnConnection<>(pool, connection -> query.apply(connection).mapping(mapper));
        }
    }
}
