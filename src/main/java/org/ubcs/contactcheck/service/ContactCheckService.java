package org.ubcs.contactcheck.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.time.LondonClock;
import org.ubcs.contactcheck.domain.Candidate;
import org.ubcs.contactcheck.domain.ContactEntity;
import org.ubcs.contactcheck.domain.ContactOutcome;
import org.ubcs.contactcheck.domain.ContactQuestionDraft;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.repository.ContactCheckRepository;
import org.ubcs.contactcheck.repository.ContactRepository;
import org.ubcs.audit.service.AuditService;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.readandfile.service.ReadAndFileService;
import org.ubcs.restriction.domain.Terms;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The contact check. Reading is the hot path and never opens an ORM session; recording the contact (which then
 * counts towards caps, and may file correspondence for screening) is a normal audited transaction.
 */
@ApplicationScoped
public class ContactCheckService {

    @Inject
    ContactCheckRepository readModel;

    @Inject
    ContactRepository contacts;

    @Inject
    ReadAndFileService readAndFile;

    @Inject
    AuditService audit;

    @Inject
    LondonClock clock;

    /** Answers the question; the caller records the contact when asked to (see {@link #record}). */
    public Uni<ContactOutcome> check(ContactQuestionDraft draft) {
        ContactRules.Question question = draft.question();
        LocalDate day = question.at().withZoneSameInstant(LondonClock.LONDON).toLocalDate();
        return readModel.candidates(draft.who(), day).flatMap(candidates -> {
            if (candidates.isEmpty() && draft.who().customerId() != null) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No customer with this id.",
                        List.of(FieldError.field("/customerId", "no customer with this id")));
            }
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(new ContactOutcome(ContactRules.unknownPerson(), null, null, null));
            }
            if (candidates.size() > 1) {
                return Uni.createFrom().item(new ContactOutcome(ContactRules.ambiguous(), null, null, null));
            }
            Candidate customer = candidates.get(0);
            return contactsInCapPeriods(customer, question).map(counts -> new ContactOutcome(
                    ContactRules.evaluate(question, customer.inForce(), counts), customer.customerId(), null, null));
        });
    }

    /** Records the contact the check was about, and files correspondence on a closed matter for screening. */
    @WithTransaction
    public Uni<ContactOutcome> record(Actor actor, ContactQuestionDraft draft, ContactOutcome outcome) {
        if (outcome.customerId() == null) {
            return Uni.createFrom().item(outcome); // nobody on record to count the contact against
        }
        ContactRules.Question question = draft.question();
        ContactEntity contact = new ContactEntity();
        contact.id = UUID.randomUUID();
        contact.customerId = outcome.customerId();
        contact.caseId = question.caseId();
        contact.channel = question.channel();
        contact.occurredAt = question.at().toInstant();
        contact.newComplaint = question.newComplaint();
        contact.verdict = outcome.answer().verdict();
        contact.recordedBySubject = actor.subject();
        contact.recordedByName = actor.name();
        Uni<UUID> filed = !outcome.answer().filed() ? Uni.createFrom().nullItem()
                : readAndFile.file(actor, contact.customerId, contact.caseId, outcome.answer().deciding().get(0),
                        contact.id, contact.channel, contact.occurredAt).map(item -> item.id);
        return contacts.persist(contact)
                .call(() -> audit.record(actor, "CONTACT_RECORDED", AuditEntityType.CONTACT, contact.id,
                        contact.caseId, List.of("channel", "occurredAt", "verdict")))
                .flatMap(saved -> filed)
                .map(itemId -> new ContactOutcome(outcome.answer(), outcome.customerId(), contact.id, itemId));
    }

    /** Counts the customer's contacts only for the cap periods that apply: most checks need no count at all. */
    private Uni<Map<Instant, Integer>> contactsInCapPeriods(Candidate customer, ContactRules.Question question) {
        Set<Instant> starts = customer.inForce().stream()
                .filter(r -> r.terms() instanceof Terms.ContactCap && ContactRules.applies(r, question))
                .map(r -> ContactRules.periodStart(((Terms.ContactCap) r.terms()).per(), question.at()))
                .collect(Collectors.toSet());
        Uni<Map<Instant, Integer>> counts = Uni.createFrom().item(new HashMap<>());
        for (Instant start : starts) {
            counts = counts.flatMap(map -> readModel.contactsSince(customer.customerId(), start).map(count -> {
                map.put(start, count);
                return map;
            }));
        }
        return counts;
    }
}
