package org.ubcs.cases.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.cases.domain.EvidenceEntryEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<EvidenceEntryEntity, UUID> {

    public Uni<List<EvidenceEntryEntity>> page(UUID caseId, long afterSequence, int limit) {
        return find("caseId = ?1 and sequence > ?2 order by sequence", caseId, (int) afterSequence).page(0, limit)
                .list();
    }

    /** Pairs of (corrected entry, correcting entry) in the case, in the order the corrections were made. */
    public Uni<List<EvidenceEntryEntity>> corrections(UUID caseId) {
        return list("caseId = ?1 and corrects is not null order by sequence", caseId);
    }

    public Uni<EvidenceEntryEntity> findInCase(UUID caseId, UUID entryId) {
        return find("caseId = ?1 and id = ?2", caseId, entryId).firstResult();
    }
}
