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
import org.ubcs.cases.domain.CaseForms;
import org.ubcs.cases.domain.CaseState;
import org.ubcs.database.JsonColumns;
import org.ubcs.cases.domain.CaseFilter;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseEntity, UUID> {

    @Inject
    Pool pool;

    @Inject
    JsonColumns json;

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

    /** The customer of each of these cases that exists; no case is loaded. */
    public Uni<Map<UUID, UUID>> customersOf(java.util.Collection<UUID> ids) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select c.id, c.customerId from CaseEntity c where c.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList())
                .map(rows -> {
                    Map<UUID, UUID> owners = new java.util.HashMap<>();
                    rows.forEach(row -> owners.put((UUID) row[0], (UUID) row[1]));
                    return owners;
                });
    }

    /** What the procedure's rules read of each of these cases that exists; no case is loaded. */
    public Uni<List<CaseState>> states(java.util.Collection<UUID> ids) {
        return getSession().flatMap(session -> session.createSelectionQuery("select new " + CaseState.class.getName()
                + "(c.id, c.status, c.classifications, c.reviewOpen) from CaseEntity c where c.id in :ids",
                CaseState.class).setParameter("ids", ids).getResultList());
    }

    /**
     * Closes these cases with their closure forms, in one statement whatever their number, as Hibernate would write
     * the change (the form's JSON in Hibernate's format; the version bumped, so each case's ETag changes). The
     * session is flushed first, so no change still held in it is lost or overwritten; a case it holds must be
     * refreshed after. Returns how many were closed.
     */
    public Uni<Integer> close(Map<UUID, CaseForms.Closure> closures, java.time.Instant now) {
        JsonArray rows = new JsonArray();
        closures.forEach((id, closure) -> rows.add(new JsonObject().put("id", id.toString())
                .put("closure", json.write(closure)).put("closed_on", closure.closedOn().toString())));
        return getSession().flatMap(session -> session.flush().chain(() -> session.createNativeQuery(
                "update policy_case k set closure = r.closure, closed_on = r.closed_on, status = :closed, "
                        + "next_review_on = null, updated_at = :now, version = k.version + 1 "
                        // Typed text first: a parameter typed jsonb would take the Java string as one JSON string.
                        + "from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id uuid, closure jsonb, "
                        + "closed_on date) where k.id = r.id")
                .setParameter("closed", CaseStatus.CLOSED.name())
                .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                .setParameter("rows", rows.encode()).executeUpdate()));
    }
}
