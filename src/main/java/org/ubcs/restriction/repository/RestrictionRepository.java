package org.ubcs.restriction.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;
import org.ubcs.restriction.domain.RestrictionEntity;
import org.ubcs.restriction.domain.RestrictionFilter;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@ApplicationScoped
public class RestrictionRepository implements PanacheRepositoryBase<RestrictionEntity, UUID> {

    /** The customer's current versions that are neither lifted nor over by {@code from}. */
    public Uni<List<RestrictionEntity>> currentFor(UUID customerId, LocalDate from) {
        return list("customerId = ?1 and not lifted and supersededBy is null "
                + "and (effectiveUntil is null or effectiveUntil >= ?2)", customerId, from);
    }

    public Uni<List<RestrictionEntity>> lineage(UUID lineageId) {
        return list("lineageId = ?1 order by versionNumber", lineageId);
    }

    /** Up to {@code limit} versions of a lineage after version {@code afterVersion} (0: from the first). */
    public Uni<List<RestrictionEntity>> lineagePage(UUID lineageId, long afterVersion, int limit) {
        return find("lineageId = ?1 and versionNumber > ?2 order by versionNumber", lineageId, (int) afterVersion)
                .page(0, limit).list();
    }

    public Uni<List<RestrictionEntity>> page(RestrictionFilter filter, LocalDate today, Cursors.Key after, int limit) {
        PageQuery query = new PageQuery()
                .filter("customerId = :customerId", "customerId", filter.customerId())
                .filter("caseId = :caseId", "caseId", filter.caseId())
                .filter("emergency = :emergency", "emergency", filter.emergency());
        if (filter.state() != null) {
            // The same states as RestrictionEntity.stateOn, in HQL.
            query.where(switch (filter.state()) {
                case LIFTED -> "lifted";
                case SUPERSEDED -> "not lifted and supersededBy is not null";
                case EXPIRED -> "not lifted and supersededBy is null and effectiveUntil < :today";
                case ACTIVE -> "not lifted and supersededBy is null "
                        + "and (effectiveUntil is null or effectiveUntil >= :today)";
            });
            if (filter.state().name().equals("EXPIRED") || filter.state().name().equals("ACTIVE")) {
                query.with("today", today);
            }
        }
        if (Boolean.TRUE.equals(filter.assessmentOverdue())) {
            query.where("emergency and followUp is null and not lifted and assessmentDueOn < :dueBefore")
                    .with("dueBefore", today);
        }
        return query.list(this, "imposedAt", after, limit);
    }

    /** A restriction lifted by {@link #liftAll}, and its case (or null). */
    public record Lifted(UUID id, UUID caseId) {
    }

    /** Which column {@link #liftAll} matches its keys against. */
    public enum LiftBy {
        ID("id"), CASE("case_id"), DECISION("decision_id");

        private final String column;

        LiftBy(String column) {
            this.column = column;
        }
    }

    /**
     * Lifts from {@code today}, with one statement whatever their number, every restriction still to apply (in force
     * now, or starting later: RestrictionEntity.stateOn's ACTIVE, in SQL) whose {@code by} column is one of the map's
     * keys, with that key's reasons: lifted that day by that person, and no longer applying from that day on (its
     * last day at most yesterday). The version is bumped as Hibernate bumps it, so each one's ETag changes. The
     * session is flushed first, so no change it holds is lost or overwritten; a restriction it holds must be
     * refreshed after. Returns those lifted.
     */
    public Uni<List<Lifted>> liftAll(LiftBy by, java.util.Map<UUID, String> reasonsByKey, LocalDate today,
            String subject, String name) {
        if (reasonsByKey.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        JsonArray rows = new JsonArray();
        reasonsByKey.forEach((key, reasons) -> rows.add(new JsonObject().put("key", key.toString())
                .put("reasons", reasons)));
        return getSession().flatMap(session -> session.flush().chain(() -> session.createNativeQuery(
                "update restriction x set lifted = true, lifted_on = :today, lifting_reasons = r.reasons, "
                        + "lifted_by_subject = :subject, lifted_by_name = :name, "
                        + "effective_until = least(coalesce(x.effective_until, :yesterday), :yesterday), "
                        + "lock_version = x.lock_version + 1 "
                        // Typed text first: a parameter typed jsonb would take the Java string as one JSON string.
                        + "from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(key uuid, reasons varchar) "
                        + "where x." + by.column + " = r.key and not x.lifted and x.superseded_by is null "
                        + "and (x.effective_until is null or x.effective_until >= :today) "
                        + "returning x.id, x.case_id", Object[].class)
                .setParameter("today", today).setParameter("yesterday", today.minusDays(1))
                .setParameter("subject", subject).setParameter("name", name)
                .setParameter("rows", rows.encode()).getResultList()))
                .map(found -> found.stream().map(row -> new Lifted((UUID) row[0], (UUID) row[1])).toList());
    }
}
