package org.ubcs.retention.service;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.audit.service.AuditService;
import org.ubcs.jobs.service.Batch;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.retention.repository.RetentionRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Removes personal data once the profile's retention has run out, and prunes the audit trail after the profile's
 * audit retention. One job batch does, in order and within one limit: expired cases (each one item, so that a
 * failing case is left out alone), then old idempotency records, then old audit events. Every step selects only
 * work not yet done, so a run that stopped resumes where it was, and a second replica finds nothing more.
 */
@ApplicationScoped
public class RetentionService {

    /** What the audit trail names as the rule a removal followed (a field of the policy profile). */
    static final String CASE_RULE = "policy.retentionAfterClosure";

    /** The kinds of personal data a case's removal covers; recorded by name, never by value. */
    static final List<String> CASE_KINDS = List.of("matter", "referral", "priorWarning", "preconditions",
            "assessment", "caseConference", "closure.notes", "decision.reasons", "decision.agreedActions",
            "evidence", "restrictions", "appeals", "reviews", "freshIssues", "readAndFileItems", "letters",
            "notifications");

    static final List<String> CUSTOMER_KINDS = List.of("fullName", "email", "phone", "address", "preferredChannel",
            "communicationNeeds", "reasonableAdjustments", "advocate", "emergencyRestrictions", "letters");

    @Inject
    RetentionRepository retention;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    /** The last day of closure whose cases are due today. */
    public LocalDate closedBy(LocalDate today) {
        return today.minus(policy.profile().retentionAfterClosure());
    }

    /** One batch of the job REMOVE_EXPIRED_PERSONAL_DATA; returns how many items it did. */
    public Uni<Integer> removeExpired(Actor actor, Batch batch) {
        LocalDate today = clock.today();
        String rule = CASE_RULE + "=" + policy.profile().retentionAfterClosure();
        return retention.casesDue(closedBy(today), batch.limit(), batch.skip())
                .flatMap(due -> batch.each(due, id -> id, caseId -> removeCase(actor, caseId, today, rule)))
                .flatMap(cases -> cases >= batch.limit() ? Uni.createFrom().item(cases)
                        : eraseRegisterEntries(actor, batch, today, policy.profile().register()
                                .filter(r -> r.used()).map(r -> List.copyOf(r.removedContentKept().entrySet()))
                                .orElse(List.of()), 0, batch.limit() - cases).map(erased -> cases + erased))
                .flatMap(cases -> cases >= batch.limit() ? Uni.createFrom().item(cases)
                        : retention.deleteIdempotencyRecordsBefore(startOf(closedBy(today)), batch.limit() - cases)
                                .map(deleted -> cases + deleted))
                .flatMap(done -> done >= batch.limit() ? Uni.createFrom().item(done)
                        : retention.pruneAuditEventsBefore(startOf(today.minus(policy.profile().auditRetention())),
                                batch.limit() - done).map(pruned -> done + pruned));
    }

    /** Removed register entries whose content has been kept its risk level's period: one level after another. */
    private Uni<Integer> eraseRegisterEntries(Actor actor, Batch batch, LocalDate today,
            List<java.util.Map.Entry<String, java.time.Period>> levels, int level, int room) {
        if (level >= levels.size() || room <= 0) {
            return Uni.createFrom().item(0);
        }
        var kept = levels.get(level);
        String rule = "policy.register.removedContentKept." + kept.getKey() + "=" + kept.getValue();
        return retention.registerEntriesDue(kept.getKey(), today.minus(kept.getValue()), room, batch.skip())
                .flatMap(due -> batch.each(due, id -> id, entryId -> retention.eraseRegisterContent(entryId, today)
                        .flatMap(erased -> !erased ? Uni.createFrom().voidItem()
                                : audit.record(actor, "PERSONAL_DATA_REMOVED", AuditEntityType.REGISTER_ENTRY,
                                        entryId, null, List.of("versions.content", "lookupKeys", "telling.note",
                                                "removal.notes", "letters", "appeals", "reviews", rule)))
                        .call(() -> Panache.getSession().flatMap(session -> session.flush()))))
                .flatMap(done -> eraseRegisterEntries(actor, batch, today, levels, level + 1, room - done)
                        .map(more -> done + more));
    }

    private Uni<Void> removeCase(Actor actor, UUID caseId, LocalDate today, String rule) {
        return retention.removeCaseData(caseId, today).flatMap(removed -> !removed ? Uni.createFrom().voidItem()
                : audit.record(actor, "PERSONAL_DATA_REMOVED", AuditEntityType.CASE, caseId, caseId,
                        with(CASE_KINDS, rule))
                        .chain(() -> retention.removeCustomerDataIfUnneeded(caseId, today))
                        .flatMap(customerId -> customerId == null ? Uni.createFrom().voidItem()
                                : audit.record(actor, "PERSONAL_DATA_REMOVED", AuditEntityType.CUSTOMER, customerId,
                                        caseId, with(CUSTOMER_KINDS, rule))))
                // The item is written before the next begins, so a failure is put down to the right case.
                .call(() -> Panache.getSession().flatMap(session -> session.flush()));
    }

    private static List<String> with(List<String> kinds, String rule) {
        return java.util.stream.Stream.concat(kinds.stream(), java.util.stream.Stream.of(rule)).toList();
    }

    private static java.time.Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day.atStartOfDay(), LondonClock.LONDON).toInstant();
    }
}
