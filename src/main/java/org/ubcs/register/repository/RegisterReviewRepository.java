package org.ubcs.register.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.RegisterEntryState;
import org.ubcs.api.model.RegisterReviewState;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;
import org.ubcs.register.domain.RegisterEntryEntity;
import org.ubcs.register.domain.RegisterReviewEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RegisterReviewRepository implements PanacheRepositoryBase<RegisterReviewEntity, UUID> {

    public Uni<List<RegisterReviewEntity>> page(RegisterReviewState state, UUID entryId, Cursors.Key after,
            int limit) {
        return new PageQuery()
                .filter("state = :state", "state", state)
                .filter("entryId = :entryId", "entryId", entryId)
                .list(this, "createdAt", after, limit);
    }

    /**
     * Entries in force whose review (on their next review date) is due by {@code dueBy} and has no task yet: the
     * work of the job that opens review tasks.
     */
    public Uni<List<RegisterEntryEntity>> entriesDueForReview(LocalDate dueBy, int limit, List<UUID> skip) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "from RegisterEntryEntity e where e.state = :approved and e.nextReviewOn <= :dueBy and not exists ("
                        + "select 1 from RegisterReviewEntity r where r.entryId = e.id and r.dueOn = e.nextReviewOn) "
                        + "and e.id not in :skip order by e.nextReviewOn, e.id",
                RegisterEntryEntity.class)
                .setParameter("approved", RegisterEntryState.APPROVED).setParameter("dueBy", dueBy)
                .setParameter("skip", skip).setMaxResults(limit).getResultList());
    }

    /** Open reviews past their date that the policy owner has not been told of, oldest first. */
    public Uni<List<RegisterReviewEntity>> overdueNotFlagged(LocalDate today, int limit, List<UUID> skip) {
        return find("state = ?1 and dueOn < ?2 and overdueFlaggedOn is null and id not in ?3 order by dueOn, id",
                RegisterReviewState.OPEN, today, skip).page(0, limit).list();
    }

    public Uni<List<RegisterReviewEntity>> openFor(UUID entryId) {
        return list("entryId = ?1 and state = ?2", entryId, RegisterReviewState.OPEN);
    }
}
