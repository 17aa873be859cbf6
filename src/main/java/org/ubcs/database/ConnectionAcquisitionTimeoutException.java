package org.ubcs.database;

import io.vertx.core.VertxException;

/**
 * No connection could be had from the pool within the acquisition timeout ({@code ubcs.database.acquisition-timeout}):
 * the database accepts no new connection in time, or every connection is busy. The Vert.x pool says this with an
 * untyped "Timeout"; {@link AcquiringPool} gives it this type so that it can be told from other failures.
 */
public class ConnectionAcquisitionTimeoutException extends VertxException {

    public ConnectionAcquisitionTimeoutException(long timeoutMillis) {
        super("No database connection could be had within " + timeoutMillis + " ms", true);
    }
}
