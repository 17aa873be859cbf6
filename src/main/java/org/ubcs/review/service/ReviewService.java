package org.ubcs.review.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.CaseStep;
import org.ubcs.api.model.ClosureReason;
import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.OverdueReviewAction;
import org.ubcs.api.model.ReviewKind;
import org.ubcs.api.model.ReviewRecommendation;
import org.ubcs.api.model.ReviewState;
import org.ubcs.audit.service.AuditService;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.CaseProcedure;
import org.ubcs.cases.domain.DecisionRules;
import org.ubcs.cases.service.CaseClosedListener;
import org.ubcs.cases.service.CaseService;
import org.ubcs.jobs.service.Batch;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.ProblemException;
import org.ubcs.restriction.service.RestrictionService;
import org.ubcs.review.domain.FreshIssueEntity;
import org.ubcs.review.domain.ReviewEntity;
import org.ubcs.review.domain.ReviewOutcomeDraft;
import org.ubcs.review.domain.ReviewTimetable;
import org.ubcs.review.repository.ReviewRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.time.LondonClock;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reviews on the policy's timetable: tasks open ahead of the review date, the outcome continues, modifies or lifts,
 * and an overdue review never runs on silently (the restrictions lapse, or the policy owner is told).
 */
@ApplicationScoped
public class ReviewService implements CaseClosedListener {

    @Inject
    Cursors cursors;

    @Inject
    ReviewRepository reviews;

    @Inject
    CaseService cases;

    @Inject
    RestrictionService restrictions;

    @Inject
    LetterService letters;

    @Inject
    NotificationService notifications;

    @Inject
    CalendarService calendar;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    /**
     * Opens the review tasks now due, scheduled and (where the policy has one) status reviews: one job batch. Each
     * opens the profile's lead time before its review date (the status review's being the decision's anniversary),
     * or at once where that day has passed. A batch's tasks, audit events and notifications are written together.
     */
    public Uni<Integer> openDueTasks(Actor actor, Batch batch) {
        LocalDate today = clock.today();
        var profile = policy.profile();
        var statusDecidedBy = ReviewTimetable.latestDecisionOpenBy(profile, today);
        return reviews.casesDueForTask(ReviewTimetable.latestDueOnOpenBy(profile, today),
                (ReviewRepository.DueTask) batch.resumeAt(), batch.limit(), batch.skip())
                .invoke(due -> {
                    if (!due.isEmpty()) {
                        batch.began(due.get(0));
                    }
                })
                .flatMap(due -> batch.all(due, ReviewRepository.DueTask::caseId,
                        some -> openAll(actor, ReviewKind.SCHEDULED, some.stream()
                                .map(task -> draft(task, ReviewKind.SCHEDULED, task.date(), today)).toList())))
                .flatMap(scheduled -> scheduled >= batch.limit() || statusDecidedBy.isEmpty()
                        ? Uni.createFrom().item(scheduled)
                        : reviews.casesDueForStatusReview(statusDecidedBy.get(), batch.limit() - scheduled,
                                batch.skip())
                                .flatMap(due -> batch.all(due, ReviewRepository.DueTask::caseId,
                                        some -> openAll(actor, ReviewKind.STATUS_REVIEW, some.stream()
                                                .map(task -> draft(task, ReviewKind.STATUS_REVIEW,
                                                        profile.statusReviewOn(task.date()).orElseThrow(), today))
                                                .toList())))
                                .map(status -> scheduled + status));
    }

    /** A task of this kind for the due task's case, due on {@code dueOn}, not yet written. */
    private ReviewEntity draft(ReviewRepository.DueTask task, ReviewKind kind, LocalDate dueOn, LocalDate today) {
        return task(task.caseId(), task.customerId(), kind, dueOn, policy.profile().reviewTaskOpensOn(dueOn, today),
                null);
    }

    /** A new open task for the decision maker, not yet written. */
    private ReviewEntity task(UUID caseId, UUID customerId, ReviewKind kind, LocalDate dueOn, LocalDate opensOn,
            String reasons) {
        ReviewEntity review = new ReviewEntity();
        review.id = UUID.randomUUID();
        review.caseId = caseId;
        review.customerId = customerId;
        review.kind = kind;
        review.dueOn = dueOn;
        review.opensOn = opensOn;
        review.assignedTo = policy.profile().decisionMakerLabel();
        review.state = ReviewState.OPEN;
        review.requestReasons = reasons;
        review.createdAt = clock.now();
        return review;
    }

    /**
     * Writes these tasks, an audit event for each and the decision maker's notifications, as {@link #open} does one
     * at a time, but handed to Hibernate together and flushed once (batched inserts, no query per task).
     */
    private Uni<Void> openAll(Actor actor, ReviewKind kind, List<ReviewEntity> tasks) {
        return reviews.persist(tasks.stream())
                .call(() -> audit.recordAll(actor, "REVIEW_TASK_OPENED", AuditEntityType.REVIEW, tasks.stream()
                        .map(review -> new AuditService.Target(review.id, review.caseId)).toList(), OPENED_FIELDS))
                .call(() -> notifications.notifyAll(tasks.stream().map(review -> dueNotice(review)).toList()))
                .call(reviews::flush);
    }

    private static final List<String> OPENED_FIELDS = List.of("kind", "dueOn", "opensOn", "assignedTo");

    private static NotificationService.Notice dueNotice(ReviewEntity review) {
        return new NotificationService.Notice("REVIEW_DUE", review.id.toString(),
                List.of(NotificationRecipient.DECISION_MAKER), review.caseId, "A review is due on " + review.dueOn,
                "A review (" + review.kind + ") of case " + review.caseId + " is due on " + review.dueOn
                        + ". Prepare it (Form B) and record the outcome in the service.");
    }

    private Uni<ReviewEntity> open(Actor actor, CaseEntity kase, ReviewKind kind, LocalDate dueOn, LocalDate opensOn,
            String reasons) {
        ReviewEntity review = task(kase.id, kase.customerId, kind, dueOn, opensOn, reasons);
        return reviews.persist(review)
                .call(() -> audit.record(actor, "REVIEW_TASK_OPENED", AuditEntityType.REVIEW, review.id, kase.id,
                        OPENED_FIELDS))
                .call(() -> notifications.notifyAll(List.of(dueNotice(review))));
    }

    /**
     * Overdue reviews, as the profile says: the restrictions lapse, or the policy owner is told. One job batch, worked
     * on set-based (a statement per table for the lot, no entity loaded), or one review at a time when that failed.
     */
    public Uni<Integer> handleOverdue(Actor actor, Batch batch) {
        LocalDate today = clock.today();
        return reviews.overdueIds(today, batch.limit(), batch.skip()).flatMap(overdue -> batch.all(overdue,
                id -> id, some -> Panache.getSession()
                        // Item by item, each flushed its changes before it completed: forget anything it loaded, or
                        // every later flush in the batch checks it again.
                        .invoke(Mutiny.Session::clear)
                        .chain(() -> reviews.stillOpen(some))
                        .flatMap(found -> {
                            // In the batch's order; one no longer open was handled since it was selected.
                            Map<UUID, ReviewRepository.Overdue> byId = new HashMap<>();
                            found.forEach(review -> byId.put(review.id(), review));
                            List<ReviewRepository.Overdue> open = some.stream().map(byId::get)
                                    .filter(review -> review != null).toList();
                            if (open.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            return (policy.profile().overdueReviewAction() == OverdueReviewAction.LAPSE
                                    ? lapse(actor, open) : escalate(actor, open)).call(reviews::flush);
                        })));
    }

    private Uni<Void> escalate(Actor actor, List<ReviewRepository.Overdue> overdue) {
        return reviews.changeState(ReviewRepository.ChangeBy.ID, ids(overdue), List.of(ReviewState.OPEN),
                ReviewState.ESCALATED)
                .call(() -> audit.recordAll(actor, "REVIEW_ESCALATED", AuditEntityType.REVIEW, targets(overdue),
                        List.of("state")))
                .call(() -> notifications.notifyAll(overdue.stream().map(review -> new NotificationService.Notice(
                        "REVIEW_OVERDUE", review.id().toString(), List.of(NotificationRecipient.POLICY_OWNER),
                        review.caseId(), "A review is overdue", "The review of case " + review.caseId()
                                + " was due on " + review.dueOn()
                                + " and has not been recorded. Hold it now or lift the restrictions."))
                        .toList()))
                .replaceWithVoid();
    }

    /**
     * Each review's case lapses: the review, then its restrictions lifted, the case closed (which cancels the case's
     * other open reviews), the customer's letter and the notifications, each step for all the cases at once.
     */
    private Uni<Void> lapse(Actor actor, List<ReviewRepository.Overdue> overdue) {
        // A case with two overdue reviews lapses once, by the first; its closure cancels the other, as when they are
        // handled one at a time (the second is then no longer open).
        Map<UUID, ReviewRepository.Overdue> byCase = new LinkedHashMap<>();
        overdue.forEach(review -> byCase.putIfAbsent(review.caseId(), review));
        List<ReviewRepository.Overdue> lapsing = List.copyOf(byCase.values());
        Map<UUID, String> reasons = new LinkedHashMap<>();
        lapsing.forEach(review -> reasons.put(review.caseId(),
                "The review due on " + review.dueOn() + " was not held, so the restrictions lapsed."));
        return reviews.changeState(ReviewRepository.ChangeBy.ID, ids(lapsing), List.of(ReviewState.OPEN),
                ReviewState.LAPSED)
                .call(() -> audit.recordAll(actor, "REVIEW_LAPSED", AuditEntityType.REVIEW, targets(lapsing),
                        List.of("state")))
                .call(() -> restrictions.liftAllOfCases(actor, reasons))
                .call(() -> cases.closeAll(actor, reasons, ClosureReason.LAPSED_AFTER_OVERDUE_REVIEW))
                .call(() -> letters.issueAll(actor, LetterKind.LAPSE, lapsing.stream()
                        .map(review -> new LetterService.Letter(review.customerId(), review.caseId(),
                                new LetterFacts(null, reasons.get(review.caseId()), List.of(), review.dueOn(), null,
                                        null, null, null, null, false)))
                        .toList()))
                .call(() -> notifications.notifyAll(lapsing.stream().map(review -> new NotificationService.Notice(
                        "RESTRICTIONS_LAPSED", review.id().toString(), policy.profile().decisionNotifications(),
                        review.caseId(), "A customer's restrictions have ended", "The restrictions on case "
                                + review.caseId() + " lapsed on " + review.dueOn() + " because the review was not "
                                + "held. Deal with the customer's contact as usual."))
                        .toList()))
                .replaceWithVoid();
    }

    private static List<UUID> ids(List<ReviewRepository.Overdue> reviews) {
        return reviews.stream().map(ReviewRepository.Overdue::id).toList();
    }

    private static List<AuditService.Target> targets(List<ReviewRepository.Overdue> changed) {
        return changed.stream().map(review -> new AuditService.Target(review.id(), review.caseId())).toList();
    }

    @WithTransaction
    public Uni<ReviewEntity> request(Actor actor, UUID caseId, LocalDate receivedOn, String reasons) {
        DateOrder.happened("/receivedOn", receivedOn, clock.today());
        return cases.find(caseId).flatMap(kase -> {
            CaseProcedure.require(CaseStep.REQUEST_REVIEW, kase);
            return cases.decisionOf(caseId).flatMap(decision -> {
                LocalDate earliest = decision.decidedOn.plus(policy.profile().customerReviewRequestAfter());
                if (receivedOn.isBefore(earliest)) {
                    throw ProblemException.policyRule("TOO_EARLY_FOR_REVIEW",
                            "The customer may ask for a review from " + earliest + ".");
                }
                return reviews.openFor(caseId).flatMap(open -> {
                    if (open.stream().anyMatch(r -> r.kind == ReviewKind.CUSTOMER_REQUEST)) {
                        throw ProblemException.policyRule("REVIEW_ALREADY_OPEN",
                                "The customer's earlier request for a review is still open.");
                    }
                    // A requested review opens when the request is received, and is decided in the time the profile
                    // gives for deciding an appeal.
                    return calendar.current().flatMap(days -> open(actor, kase, ReviewKind.CUSTOMER_REQUEST,
                            days.plus(receivedOn, policy.profile().appealDecisionWorkingDays()), receivedOn,
                            reasons));
                });
            });
        });
    }

    @WithTransaction
    public Uni<FreshIssueEntity> referFreshIssue(Actor actor, UUID caseId, LocalDate raisedOn, String summary) {
        DateOrder.happened("/raisedOn", raisedOn, clock.today());
        return cases.find(caseId).flatMap(kase -> {
            DateOrder.follows("/raisedOn", raisedOn, "the referral", kase.referredOn);
            CaseProcedure.require(CaseStep.REFER_FRESH_ISSUE, kase);
            FreshIssueEntity issue = new FreshIssueEntity();
            issue.id = UUID.randomUUID();
            issue.caseId = caseId;
            issue.raisedOn = raisedOn;
            issue.summary = summary;
            issue.referredTo = policy.profile().decisionMakerLabel();
            issue.recordedBySubject = actor.subject();
            issue.recordedByName = actor.name();
            issue.recordedAt = clock.now();
            return issue.<FreshIssueEntity>persist()
                    .call(() -> audit.record(actor, "FRESH_ISSUE_REFERRED", AuditEntityType.FRESH_ISSUE, issue.id,
                            caseId, List.of("raisedOn", "summary")))
                    .call(() -> notifications.notify("FRESH_ISSUE", issue.id.toString(),
                            List.of(NotificationRecipient.DECISION_MAKER), caseId, "A fresh issue to consider",
                            "The customer of case " + caseId + " raised a fresh issue on " + raisedOn
                                    + ". It is recorded in the service; decide whether it is a new complaint."));
        });
    }

    @WithTransaction
    public Uni<ReviewEntity> recordOutcome(Actor actor, UUID id, Long expectedVersion, ReviewOutcomeDraft draft) {
        return find(id).flatMap(review -> {
            ETags.requireCurrent(expectedVersion, review.version);
            if (!review.open()) {
                throw ProblemException.illegalStep("This review's outcome is already recorded (it is "
                        + review.state + ").", List.of());
            }
            LocalDate today = clock.today();
            boolean lift = draft.recommendation() == ReviewRecommendation.LIFT;
            if (lift && draft.nextReviewOn() != null) {
                throw ProblemException.invalidField("/nextReviewOn", "must be absent when the restrictions are lifted");
            }
            if (!lift && draft.nextReviewOn() == null) {
                throw ProblemException.invalidField("/nextReviewOn", "is required to continue or modify");
            }
            DateOrder.happened("/customerToldOn", draft.customerToldOn(), today);
            DateOrder.follows("/customerToldOn", draft.customerToldOn(), "the opening of the review",
                    review.opensOn);
            if (!lift) {
                DecisionRules.checkNextReview(today, draft.nextReviewOn(), policy.profile());
            }
            boolean modify = draft.recommendation() == ReviewRecommendation.MODIFY;
            Uni<Boolean> modified = modify ? restrictions.modifiedSince(review.caseId, review.createdAt)
                    : Uni.createFrom().item(true);
            return modified.flatMap(done -> {
                // Modifying is done restriction by restriction (each gets a new version); the outcome records it.
                if (!done) {
                    throw ProblemException.policyRule("NO_RESTRICTION_MODIFIED", "Modify the restrictions first "
                            + "(each modification supersedes the restriction with a new version), then record this "
                            + "outcome.");
                }
                return cases.find(review.caseId);
            }).flatMap(kase -> {
                CaseProcedure.require(CaseStep.RECORD_REVIEW_OUTCOME, kase);
                review.outcome = new ReviewEntity.Outcome(List.copyOf(draft.reviewers()), draft.recommendation(),
                        draft.reasons(), draft.customerToldOn(), draft.nextReviewOn(), actor, clock.now());
                review.state = ReviewState.COMPLETED;
                Uni<Void> applied = lift
                        ? restrictions.liftAllOfCase(actor, kase.id, "Lifted after review: " + draft.reasons())
                                .call(ids -> cases.close(actor, kase.id, null, ClosureReason.LIFTED_AFTER_REVIEW,
                                        draft.reasons()))
                                .replaceWithVoid()
                        : cases.setNextReview(actor, kase.id, draft.nextReviewOn()).replaceWithVoid();
                return applied.call(reviews::flush)
                        .call(() -> audit.record(actor, "REVIEW_OUTCOME_RECORDED", AuditEntityType.REVIEW, id,
                                kase.id, List.of("outcome", "state")))
                        .call(() -> letters.issue(actor, LetterKind.REVIEW_OUTCOME, kase.customerId, kase.id,
                                new LetterFacts(kase.matter, draft.reasons(), List.of(), null, null,
                                        draft.nextReviewOn(), null, null, draft.recommendation().name(), false)))
                        .call(() -> notifications.notify("REVIEW_OUTCOME", id.toString(),
                                policy.profile().reviewNotifications(), kase.id, "The outcome of a review",
                                "The review of case " + kase.id + " was recorded: " + draft.recommendation()
                                        + (lift ? ". The customer's restrictions are lifted."
                                                : ". The next review is on " + draft.nextReviewOn() + ".")))
                        .replaceWith(review);
            });
        });
    }

    /**
     * A closed case has nothing left to review: its open tasks are cancelled (the one being completed is not: the
     * change of state is written, flushed, before).
     */
    @Override
    public Uni<Void> casesClosed(Actor actor, List<UUID> caseIds) {
        return reviews.changeState(ReviewRepository.ChangeBy.CASE, caseIds,
                List.of(ReviewState.OPEN, ReviewState.ESCALATED), ReviewState.CANCELLED)
                .flatMap(ending -> audit.recordAll(actor, "REVIEW_CANCELLED", AuditEntityType.REVIEW,
                        ending.stream().map(review -> new AuditService.Target(review.id(), review.caseId())).toList(),
                        List.of("state")));
    }

    @WithSession
    public Uni<List<FreshIssueEntity>> freshIssues(UUID caseId) {
        return cases.find(caseId).flatMap(kase -> FreshIssueEntity
                .<FreshIssueEntity>list("caseId = ?1 order by recordedAt, id", caseId));
    }

    @WithSession
    public Uni<ReviewEntity> get(UUID id) {
        return find(id);
    }

    @WithSession
    public Uni<Page<ReviewEntity>> list(ReviewState state, ReviewKind kind, UUID caseId, String cursor, int limit) {
        return reviews.page(state, kind, caseId, cursors.decode("reviews", cursor), limit + 1)
                .map(found -> Page.of(found, limit, r -> cursors.encode("reviews", r.createdAt, r.id)));
    }

    private Uni<ReviewEntity> find(UUID id) {
        return reviews.findById(id).map(review -> {
            if (review == null) {
                throw ProblemException.notFound("No review with this id.");
            }
            return review;
        });
    }
}
