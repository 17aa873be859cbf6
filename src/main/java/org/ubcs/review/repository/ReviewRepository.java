package org.ubcs.review.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.ReviewKind;
import org.ubcs.api.model.ReviewState;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;
import org.ubcs.review.domain.ReviewEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<ReviewEntity, UUID> {

    public Uni<List<ReviewEntity>> page(ReviewState state, ReviewKind kind, UUID caseId, Cursors.Key after,
            int limit) {
        return new PageQuery()
                .filter("state = :state", "state", state)
                .filter("kind = :kind", "kind", kind)
                .filter("caseId = :caseId", "caseId", caseId)
                .list(this, "createdAt", after, limit);
    }

    /** A review task due to open: its case, the case's customer and the date the review is due (or decided on). */
    public record DueTask(UUID caseId, UUID customerId, LocalDate date) {
    }

    /**
     * Cases where the policy applies whose next review date is on or before {@code dueBy} and has no task yet: the
     * work of the job that opens review tasks. Only the three columns the task needs, so no case is loaded. From
     * {@code from} on (null: from the first) in (next review date, id) order: a case keeps its date while its task is
     * open, so without it every batch would walk past all the cases earlier batches gave a task.
     */
    public Uni<List<DueTask>> casesDueForTask(LocalDate dueBy, DueTask from, int limit, List<UUID> skip) {
        return getSession().flatMap(session -> {
            var query = session.createSelectionQuery(
                    "select c.id, c.customerId, c.nextReviewOn from CaseEntity c where c.status = :applied "
                            + "and c.nextReviewOn <= :dueBy and not exists ("
                            + "select 1 from ReviewEntity r where r.caseId = c.id and r.kind = :scheduled "
                            + "and r.dueOn = c.nextReviewOn) and c.id not in :skip "
                            + (from == null ? "" : "and (c.nextReviewOn, c.id) >= (:fromOn, :fromId) ")
                            + "order by c.nextReviewOn, c.id",
                    DueTask.class)
                    .setParameter("applied", CaseStatus.POLICY_APPLIED).setParameter("dueBy", dueBy)
                    .setParameter("scheduled", ReviewKind.SCHEDULED).setParameter("skip", skip);
            if (from != null) {
                query.setParameter("fromOn", from.date()).setParameter("fromId", from.caseId());
            }
            return query.setMaxResults(limit).getResultList();
        });
    }

    /**
     * Cases where the policy has applied since on or before {@code decidedBy} with no status review yet; the task's
     * date is the decision's.
     */
    public Uni<List<DueTask>> casesDueForStatusReview(LocalDate decidedBy, int limit, List<UUID> skip) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select c.id, c.customerId, d.decidedOn from CaseEntity c join DecisionEntity d on d.caseId = c.id "
                        + "where c.status = :applied and d.decidedOn <= :decidedBy and not exists (select 1 from "
                        + "ReviewEntity r where r.caseId = c.id and r.kind = :status) and c.id not in :skip "
                        + "order by c.id",
                DueTask.class)
                .setParameter("applied", CaseStatus.POLICY_APPLIED).setParameter("decidedBy", decidedBy)
                .setParameter("status", ReviewKind.STATUS_REVIEW).setParameter("skip", skip).setMaxResults(limit)
                .getResultList());
    }

    /** The ids of open tasks whose due date has passed, oldest first, at most {@code limit}, none of {@code skip}. */
    public Uni<List<UUID>> overdueIds(LocalDate today, int limit, List<UUID> skip) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select r.id from ReviewEntity r where r.state = :open and r.dueOn < :today and r.id not in :skip "
                        + "order by r.dueOn, r.id", UUID.class)
                .setParameter("open", ReviewState.OPEN).setParameter("today", today).setParameter("skip", skip)
                .setMaxResults(limit).getResultList());
    }

    public Uni<List<ReviewEntity>> openFor(UUID caseId) {
        return openFor(List.of(caseId));
    }

    /** The open (or escalated) tasks of these cases. */
    public Uni<List<ReviewEntity>> openFor(Collection<UUID> caseIds) {
        return list("caseId in ?1 and state in ?2", caseIds, List.of(ReviewState.OPEN, ReviewState.ESCALATED));
    }

    /** An open task found overdue: what handling it needs, without loading it. */
    public record Overdue(UUID id, UUID caseId, UUID customerId, LocalDate dueOn) {
    }

    /** Those of these tasks still open (not handled since they were selected), in no particular order. */
    public Uni<List<Overdue>> stillOpen(Collection<UUID> ids) {
        return getSession().flatMap(session -> session.createSelectionQuery("select new " + Overdue.class.getName()
                + "(r.id, r.caseId, r.customerId, r.dueOn) from ReviewEntity r where r.id in :ids and r.state = :open",
                Overdue.class).setParameter("ids", ids).setParameter("open", ReviewState.OPEN).getResultList());
    }

    /** A task whose state {@link #changeState} changed, and its case. */
    public record Changed(UUID id, UUID caseId) {
    }

    /** Which column {@link #changeState} matches its keys against. */
    public enum ChangeBy {
        ID("id"), CASE("case_id");

        private final String column;

        ChangeBy(String column) {
            this.column = column;
        }
    }

    /**
     * Moves to {@code to}, with one statement whatever their number, those tasks in one of the states {@code from}
     * whose {@code by} column is one of the keys, the version bumped as Hibernate bumps it (so each one's ETag
     * changes). The session is flushed first, so a change it holds (a task being completed) is written before; a task
     * it holds must be refreshed after. Returns those changed.
     */
    public Uni<List<Changed>> changeState(ChangeBy by, Collection<UUID> keys, List<ReviewState> from,
            ReviewState to) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().flatMap(session -> session.flush().chain(() -> session.createNativeQuery(
                "update review set state = :to, version = version + 1 where " + by.column + " in (:keys) "
                        + "and state in (:from) returning id, case_id", Object[].class)
                .setParameter("to", to.name()).setParameter("keys", keys)
                .setParameter("from", from.stream().map(Enum::name).toList()).getResultList()))
                .map(rows -> rows.stream().map(row -> new Changed((UUID) row[0], (UUID) row[1])).toList());
    }
}
