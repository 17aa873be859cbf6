package org.ubcs.cases.service;

import java.util.List;
import java.util.UUID;

import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the same transaction, when cases close, so work still open on them ends with them. Capabilities that keep
 * such work implement it; the case knows none of them. Told of a job batch's cases together (one closed by hand is a
 * list of one), so a listener ends the work of all of them with a statement per table, not a round trip per case.
 */
public interface CaseClosedListener {

    Uni<Void> casesClosed(Actor actor, List<UUID> caseIds);
}
