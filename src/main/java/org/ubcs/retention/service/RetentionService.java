package org.ubcs.retention.service;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.audit.service.AuditService;
import org.ubcs.audit.service.AuditService.Target;
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
                .flatMap(due -> batch.all(due, id -> id, cases -> removeCases(actor, cases, today, rule)))
                .flatMap(cases -> cases >= batch.limit() ? Uni.createFrom().item(cases)
                        : eraseRegisterEntries(actor, batch, today, policy.profile().register()
                                .filter(r -> r.used()).map(r -> List.copyOf(r.removedContentKept().entrySet()))
                                .orElse(List.of()), 0, batch.limit() - cases).map(erased -> cases + erased))
                .flatMap(cases -> cases >= batch.limit() ? Uni.createFrom().item(cases)
                        : retention.deleteIdempotencyRecordsBefore(startOf(closedBy(today)), batch.limit() - cases)
                                .map(deleted -> cases + deleted))
                .flatMap(done -> done >= batch.limit() ? Uni.createFrom().item(done)
                        : pruneAuditEvents(actor, today, batch.limit() - done).map(pruned -> done + pruned));
    }

    /**
     * Prunes audit events older than the audit retention, and records that it did: one event per batch, naming the
     * newest event pruned, the cut-off, how many and the rule; what the pruned events said is gone.
     */
    private Uni<Integer> pruneAuditEvents(Actor actor, LocalDate today, int room) {
        LocalDate cutOff = today.minus(policy.profile().auditRetention());
        return retention.pruneAuditEventsBefore(startOf(cutOff), room).flatMap(pruned -> pruned.isEmpty()
                ? Uni.createFrom().item(0)
                : audit.record(actor, "AUDIT_EVENTS_PRUNED", AuditEntityType.AUDIT_EVENT, pruned.get(0), null,
                        List.of("occurredBefore=" + cutOff, "count=" + pruned.size(),
                                "policy.auditRetention=" + policy.profile().auditRetention()))
                        .replaceWith(pruned.size()));
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
                .flatMap(due -> batch.all(due, id -> id, entries -> retention.eraseRegisterContent(entries, today)
                        .call(erased -> audit.recordAll(actor, "PERSONAL_DATA_REMOVED",
                                AuditEntityType.REGISTER_ENTRY, erased.stream().map(id -> new Target(id, null))
                                        .toList(), List.of("versions.content", "lookupKeys", "telling.note",
                                        "removal.notes", "letters", "appeals", "reviews", rule)))
                        .call(RetentionService::flush)))
                .flatMap(done -> eraseRegisterEntries(actor, batch, today, levels, level + 1, room - done)
                        .map(more -> done + more));
    }

    /**
     * Removes these cases' personal data, then their customers' where nothing else needs it, and audits each removal.
     * The audit events are handed over last, together.
     */
    private Uni<Void> removeCases(Actor actor, List<UUID> caseIds, LocalDate today, String rule) {
        return retention.removeCaseData(caseIds, today).flatMap(removed -> removed.isEmpty()
                ? Uni.createFrom().voidItem()
                : retention.removeCustomerDataIfUnneeded(removed, today).flatMap(customers -> audit.recordAll(
                        actor, "PERSONAL_DATA_REMOVED", AuditEntityType.CASE,
                        removed.stream().map(id -> new Target(id, id)).toList(), with(CASE_KINDS, rule))
                        .chain(() -> audit.recordAll(actor, "PERSONAL_DATA_REMOVED", AuditEntityType.CUSTOMER,
                                customers.stream().map(c -> new Target(c.customerId(), c.caseId())).toList(),
                                with(CUSTOMER_KINDS, rule)))))
                // The items are written before the next begin, so a failure is put down to the right ones.
                .call(RetentionService::flush);
    }

    private static Uni<Void> flush() {
        return Panache.getSession().flatMap(session -> session.flush());
    }

    private static List<String> with(List<String> kinds, String rule) {
        return java.util.stream.Stream.concat(kinds.stream(), java.util.stream.Stream.of(rule)).toList();
    }

    private static java.time.Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day.atStartOfDay(), LondonClock.LONDON).toInstant();
    }
}
