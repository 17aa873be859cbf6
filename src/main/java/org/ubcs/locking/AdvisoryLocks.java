package org.ubcs.locking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks at transaction level, taken on the caller's session and so held until its transaction
 * ends: they serialise work across every replica without a table of their own. Keys are strings, hashed by
 * PostgreSQL; give each use its own prefix ({@code ubcs-job:}, {@code ubcs-contact:}, ...).
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits until the lock on {@code key} is free, then holds it. */
    public static Uni<Void> hold(String key) {
        return lock("select true from pg_advisory_xact_lock(hashtext(:key))", key).replaceWithVoid();
    }

    /** Holds the lock on {@code key} if it is free; false, at once, when another transaction holds it. */
    public static Uni<Boolean> tryHold(String key) {
        return lock("select pg_try_advisory_xact_lock(hashtext(:key))", key);
    }

    private static Uni<Boolean> lock(String sql, String key) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Boolean.class)
                .setParameter("key", key).getSingleResult());
    }
}
