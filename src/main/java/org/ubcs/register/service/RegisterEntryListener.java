package org.ubcs.register.service;

import java.util.UUID;

import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the same transaction, when an entry leaves the register, so work still open on it (a review task) ends
 * with it. Capabilities that keep such work implement it; the register knows none of them.
 */
public interface RegisterEntryListener {

    Uni<Void> entryRemoved(Actor actor, UUID entryId);
}
