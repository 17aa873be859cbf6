package org.ubcs.letter.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.LetterKind;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/** Letters to the customer. */
@ApplicationScoped
public class LetterService {

    /**
     * Renders and stores a letter in the caller's transaction; returns its id.
     */
    public Uni<UUID> issue(Actor actor, LetterKind kind, UUID customerId, UUID caseId, LetterFacts facts) {
        throw new UnsupportedOperationException("letters are being written");
    }
}
