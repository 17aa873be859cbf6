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
}
