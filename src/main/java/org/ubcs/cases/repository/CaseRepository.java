package org.ubcs.cases.repository;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.CaseFilter;
import org.ubcs.paging.Cursors;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    public Uni<List<CaseEntity>> list(CaseFilter filter, Cursors.Key after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.classification() != null) {
            where.append(" and array_contains(classifications, :classification)");
            parameters.and("classification", filter.classification().name());
        }
        if (filter.department() != null) {
            where.append(" and lower(department) = :department");
            parameters.and("department", filter.department().toLowerCase(Locale.ROOT));
        }
        if (filter.customerId() != null) {
            where.append(" and customerId = :customerId");
            parameters.and("customerId", filter.customerId());
        }
        if (filter.reviewDueBefore() != null) {
            where.append(" and nextReviewOn < :reviewDueBefore");
            parameters.and("reviewDueBefore", filter.reviewDueBefore());
        }
        if (after != null) {
            where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by createdAt, id", parameters).page(0, limit).list();
    }

    /** Takes the next evidence sequence number of a case atomically, so concurrent entries never share one. */
    public Uni<Integer> nextEvidenceSequence(UUID caseId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("update policy_case set evidence_count = evidence_count + 1 where id = :id "
                        + "returning evidence_count", Integer.class)
                .setParameter("id", caseId).getSingleResult());
    }
}
