package org.ubcs.cases.service;

import java.util.UUID;

import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the same transaction, when a case closes, so work still open on it ends with it. Capabilities that keep
 * such work implement it; the case knows none of them.
 */
public interface CaseClosedListener {

    Uni<Void> caseClosed(Actor actor, UUID caseId);
}
