package org.ubcs.database;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Makes the reactive PostgreSQL pool from the options Quarkus derived from {@code quarkus.datasource.*}, as Quarkus
 * would, with the acquisition timeout of {@code ubcs.database.acquisition-timeout}, and wraps it in
 * {@link AcquiringPool} (which says why).
 */
@Singleton
public class PoolCreator implements PgPoolCreator {

    @ConfigProperty(name = "ubcs.database.acquisition-timeout", defaultValue = "10s")
    Duration acquisitionTimeout;

    // Quarkus's own pool reads rotating credentials from a credentials provider; this one does not, so refuse one.
    @ConfigProperty(name = "quarkus.datasource.credentials-provider")
    Optional<String> credentialsProvider;

    @Override
    @SuppressWarnings("deprecation") // Quarkus 3.33 casts the pool it is given to PgPool
    public Pool create(Input input) {
        if (credentialsProvider.isPresent()) {
            throw new IllegalStateException("quarkus.datasource.credentials-provider is not supported by "
                    + PoolCreator.class.getName() + "; set the user name and password instead");
        }
        long timeout = acquisitionTimeout.toMillis();
        PoolOptions options = new PoolOptions(input.poolOptions()).setConnectionTimeout((int) timeout)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        Pool pool = PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), options);
        return new AcquiringPool((PgPool) pool, timeout);
    }
}
