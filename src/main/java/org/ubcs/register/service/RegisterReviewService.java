package org.ubcs.register.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.RegisterRemovalReason;
import org.ubcs.api.model.RegisterReviewResult;
import org.ubcs.api.model.RegisterReviewState;
import org.ubcs.audit.service.AuditService;
import org.ubcs.jobs.service.Batch;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.notification.service.NotificationService.OverdueNotice;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.ProblemException;
import org.ubcs.register.domain.RegisterEntryEntity;
import org.ubcs.register.domain.RegisterReviewEntity;
import org.ubcs.register.repository.RegisterReviewRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The register's annual reviews: a task opens the profile's lead time before each entry's review date, for whoever
 * approved the version in force; they keep, amend or remove the entry. An overdue review is told to the policy owner
 * once, and a removed entry's open review ends with it.
 */
@ApplicationScoped
public class RegisterReviewService implements RegisterEntryListener {

    @Inject
    Cursors cursors;

    @Inject
    RegisterReviewRepository reviews;

    @Inject
    RegisterService register;

    @Inject
    NotificationService notifications;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    /** Opens the review tasks now due: one job batch. Nothing to do where the profile keeps no register. */
    public Uni<Integer> openDueTasks(Actor actor, Batch batch) {
        if (!policy.profile().registerUsed()) {
            return Uni.createFrom().item(0);
        }
        PolicyConfig.Register settings = register.settings();
        LocalDate dueBy = RegisterReviewEntity.latestDueOpenBy(clock.today(), settings.reviewLeadTime());
        return reviews.entriesDueForReview(dueBy, batch.limit(), batch.skip()).flatMap(due -> batch.each(due,
                entry -> entry.id, entry -> open(actor, entry, settings).call(reviews::flush)));
    }

    private Uni<RegisterReviewEntity> open(Actor actor, RegisterEntryEntity entry, PolicyConfig.Register settings) {
        return register.version(entry.inForceVersionId).flatMap(inForce -> {
            RegisterReviewEntity review = new RegisterReviewEntity();
            review.id = UUID.randomUUID();
            review.entryId = entry.id;
            review.dueOn = entry.nextReviewOn;
            review.opensOn = entry.nextReviewOn.minus(settings.reviewLeadTime());
            review.state = RegisterReviewState.OPEN;
            // The entry is reviewed by whoever put the version in force.
            review.reviewerSubject = inForce.approvedBySubject;
            review.reviewerName = inForce.approvedByName;
            review.createdAt = clock.now();
            return reviews.persist(review)
                    .call(() -> audit.record(actor, "REGISTER_REVIEW_OPENED", AuditEntityType.REGISTER_REVIEW,
                            review.id, null, List.of("entryId", "dueOn", "reviewer")))
                    // No name, address or incident: the entry's id is enough to find it in the service.
                    .call(() -> notifications.notify("REGISTER_REVIEW_DUE", entry.id + ":" + review.dueOn,
                            List.of(NotificationRecipient.DECISION_MAKER), null,
                            "A register entry's annual review is due on " + review.dueOn,
                            "The annual review of entry " + entry.id + " on the register of potentially dangerous "
                                    + "persons and properties is due on " + review.dueOn + ". The "
                                    + settings.approverLabel() + " who approved the version in force records its "
                                    + "outcome in the service: keep, amend or remove."));
        });
    }

    /** Tells the policy owner, once each, of open reviews past their date: one job batch. */
    public Uni<Integer> flagOverdue(Actor actor, Batch batch) {
        if (!policy.profile().registerUsed()) {
            return Uni.createFrom().item(0);
        }
        LocalDate today = clock.today();
        return reviews.overdueNotFlagged(today, batch.limit(), batch.skip()).flatMap(overdue -> batch.each(overdue,
                review -> review.id, review -> {
                    review.overdueFlaggedOn = today; // flagged once: the query above skips it from now on
                    return reviews.flush()
                            .call(() -> audit.record(actor, "REGISTER_REVIEW_OVERDUE_FLAGGED",
                                    AuditEntityType.REGISTER_REVIEW, review.id, null, List.of("overdueFlaggedOn")))
                            .call(() -> notifications.tellPolicyOwnerOfOverdue(new OverdueNotice(
                                    "REGISTER_REVIEW_OVERDUE", review.id, null, "A register entry's review is overdue",
                                    "The annual review of entry " + review.entryId + " on the register of "
                                            + "potentially dangerous persons and properties was due on "
                                            + review.dueOn + " and its outcome is not recorded. Its precautions "
                                            + "still apply until it is kept, amended or removed.")));
                }));
    }

    /**
     * The reviewer's outcome: keep (next review the profile's interval from today), amend (approve the draft written
     * since) or remove. The rules the outcome relies on are the register's own (approver, author, removal).
     */
    @WithTransaction
    public Uni<RegisterReviewEntity> recordOutcome(Actor actor, UUID id, Long expectedVersion,
            RegisterReviewResult result, String reasons) {
        return find(id).flatMap(review -> {
            ETags.requireCurrent(expectedVersion, review.version);
            if (!review.open()) {
                throw ProblemException.illegalStep("This review's outcome cannot be recorded: it is " + review.state
                        + ".", List.of());
            }
            return register.find(review.entryId).flatMap(entry -> register.version(entry.inForceVersionId)
                    .flatMap(inForce -> {
                        register.requireApprover(actor, inForce);
                        review.state = RegisterReviewState.COMPLETED;
                        review.outcome = new RegisterReviewEntity.Outcome(result, reasons, actor, clock.now());
                        return apply(actor, entry, result, reasons);
                    })
                    .call(reviews::flush)
                    .call(() -> audit.record(actor, "REGISTER_REVIEW_COMPLETED", AuditEntityType.REGISTER_REVIEW,
                            review.id, null, List.of("state", "outcome")))
                    .replaceWith(review));
        });
    }

    private Uni<RegisterEntryEntity> apply(Actor actor, RegisterEntryEntity entry, RegisterReviewResult result,
            String reasons) {
        return switch (result) {
            case KEEP -> keep(actor, entry);
            case AMEND -> {
                if (entry.pendingVersionId == null) {
                    throw ProblemException.policyRule("NO_AMENDMENT_DRAFTED", "Draft the amendment first (PUT "
                            + "/register-entries/" + entry.id + "/draft), then record this outcome to approve it.");
                }
                // Approval puts the amendment in force and sets the next review date.
                yield register.approvePending(actor, entry);
            }
            case REMOVE -> register.removeEntry(actor, entry, RegisterRemovalReason.REVIEW_OUTCOME, reasons);
        };
    }

    private Uni<RegisterEntryEntity> keep(Actor actor, RegisterEntryEntity entry) {
        entry.nextReviewOn = clock.today().plus(register.settings().reviewInterval());
        entry.updatedAt = clock.now();
        return reviews.flush()
                .call(() -> audit.record(actor, "REGISTER_ENTRY_KEPT_AFTER_REVIEW", AuditEntityType.REGISTER_ENTRY,
                        entry.id, null, List.of("nextReviewOn")))
                .replaceWith(entry);
    }

    /** A removed entry has nothing left to review: its open tasks are cancelled (the one being completed is not). */
    @Override
    public Uni<Void> entryRemoved(Actor actor, UUID entryId) {
        return reviews.openFor(entryId).flatMap(found -> {
            // The query reads the rows as stored; a review this transaction is completing is no longer open.
            List<RegisterReviewEntity> ending = found.stream().filter(RegisterReviewEntity::open).toList();
            ending.forEach(review -> review.state = RegisterReviewState.CANCELLED);
            Uni<Void> done = reviews.flush();
            for (RegisterReviewEntity review : ending) {
                done = done.call(() -> audit.record(actor, "REGISTER_REVIEW_CANCELLED",
                        AuditEntityType.REGISTER_REVIEW, review.id, null, List.of("state")));
            }
            return done;
        });
    }

    @WithSession
    public Uni<RegisterReviewEntity> get(UUID id) {
        return find(id);
    }

    @WithSession
    public Uni<Page<RegisterReviewEntity>> list(RegisterReviewState state, UUID entryId, String cursor, int limit) {
        register.settings();
        return reviews.page(state, entryId, cursors.decode("register-reviews", cursor), limit + 1)
                .map(found -> Page.of(found, limit, r -> cursors.encode("register-reviews", r.createdAt, r.id)));
    }

    private Uni<RegisterReviewEntity> find(UUID id) {
        register.settings();
        return reviews.findById(id).map(review -> {
            if (review == null) {
                throw ProblemException.notFound("No register review with this id.");
            }
            return review;
        });
    }
}
