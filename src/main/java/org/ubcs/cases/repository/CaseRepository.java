package org.ubcs.cases.repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.CaseStatus;

import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.CaseFilter;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    @Inject
    Pool pool;

    /**
     * How many cases stand at each status (none at a status: absent). On the reactive client, without an ORM session,
     * so that it can run from a timer outside any request.
     */
    public Uni<Map<CaseStatus, Long>> countByStatus() {
        return pool.query("select status, count(*) as cases from policy_case group by status").execute().map(rows -> {
            Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
            rows.forEach(row -> counts.put(CaseStatus.valueOf(row.getString("status")), row.getLong("cases")));
            return counts;
        });
    }

    public Uni<List<CaseEntity>> list(CaseFilter filter, Cursors.Key after, int limit) {
        return new PageQuery()
                .filter("status = :status", "status", filter.status())
                .filter("array_contains(classifications, :classification)", "classification",
                        filter.classification() == null ? null : filter.classification().name())
                .filter("lower(department) = :department", "department",
                        filter.department() == null ? null : filter.department().toLowerCase(Locale.ROOT))
                .filter("customerId = :customerId", "customerId", filter.customerId())
                .filter("nextReviewOn < :reviewDueBefore", "reviewDueBefore", filter.reviewDueBefore())
                .list(this, "createdAt", after, limit);
    }

    /** Takes the next evidence sequence number of a case atomically, so concurrent entries never share one. */
    public Uni<Integer> nextEvidenceSequence(UUID caseId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("update policy_case set evidence_count = evidence_count + 1 where id = :id "
                        + "returning evidence_count", Integer.class)
                .setParameter("id", caseId).getSingleResult());
    }
}
