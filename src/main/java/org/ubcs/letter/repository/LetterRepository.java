package org.ubcs.letter.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.letter.domain.LetterEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LetterRepository implements PanacheRepositoryBase<LetterEntity, UUID> {

    /** The letters about a case, oldest first. */
    public Uni<List<LetterEntity>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }

    /** Every letter to a customer, with or without a case, oldest first. */
    public Uni<List<LetterEntity>> ofCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt, id", customerId);
    }
}
