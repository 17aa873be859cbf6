package org.ubcs.contactcheck.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
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
import org.ubcs.time.DateOrder;

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

    /** Answers the question without recording anything: the hot path, on the reactive client alone. */
    public Uni<ContactOutcome> check(ContactQuestionDraft draft) {
        return identify(draft).flatMap(found -> found.customer() == null ? Uni.createFrom().item(found.unresolved())
                : contactsInCapPeriods(found.customer(), draft.question(), readModel::contactsSince)
                        .map(counts -> answer(draft, found.customer(), counts)));
    }

    /**
     * Finds the customer the question is about, and the restrictions in force for them. Done before any transaction
     * opens, so that a recording call never holds one connection while it waits for another.
     */
    public Uni<Identified> identify(ContactQuestionDraft draft) {
        if (draft.record()) {
            // A contact is recorded once it has happened; checking ahead ("may they call on Tuesday?") records nothing.
            DateOrder.happened("/at", draft.question().at().toInstant(), clock.now(), clock.clockSkew());
        }
        LocalDate day = draft.question().at().withZoneSameInstant(LondonClock.LONDON).toLocalDate();
        return readModel.candidates(draft.who(), day).map(candidates -> {
            if (candidates.isEmpty() && draft.who().customerId() != null) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No customer with this id.",
                        List.of(FieldError.field("/customerId", "no customer with this id")));
            }
            if (candidates.size() == 1) {
                return new Identified(candidates.get(0), null);
            }
            ContactRules.Answer answer = candidates.isEmpty() ? ContactRules.unknownPerson() : ContactRules.ambiguous();
            return new Identified(null, new ContactOutcome(answer, null, null, null));
        });
    }

    /**
     * Answers the question for an identified customer and records the contact, which then counts towards caps (and
     * files correspondence on a closed matter for screening). Contacts are counted and the verdict given under a lock
     * on that customer, held until commit, so that two calls at once cannot both take the last contact a cap allows.
     */
    @WithTransaction
    public Uni<ContactOutcome> checkAndRecord(Actor actor, ContactQuestionDraft draft, Identified found) {
        if (found.customer() == null) {
            return Uni.createFrom().item(found.unresolved()); // nobody on record to count the contact against
        }
        return contacts.lockCustomer(found.customer().customerId())
                .flatMap(locked -> contactsInCapPeriods(found.customer(), draft.question(), contacts::countSince))
                .flatMap(counts -> record(actor, draft, answer(draft, found.customer(), counts)));
    }

    /** Either the one customer the identifiers match, or the answer when they match nobody or several people. */
    /** Every contact recorded for the customer, oldest first, in the caller's session (subject access). */
    public Uni<List<ContactEntity>> ofCustomer(UUID customerId) {
        return contacts.list("customerId = ?1 order by occurredAt, id", customerId);
    }

    public record Identified(Candidate customer, ContactOutcome unresolved) {
    }

    private static ContactOutcome answer(ContactQuestionDraft draft, Candidate customer, Map<Instant, Integer> counts) {
        return new ContactOutcome(ContactRules.evaluate(draft.question(), customer.inForce(), counts),
                customer.customerId(), null, null);
    }

    private Uni<ContactOutcome> record(Actor actor, ContactQuestionDraft draft, ContactOutcome outcome) {
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
    private static Uni<Map<Instant, Integer>> contactsInCapPeriods(Candidate customer, ContactRules.Question question,
            BiFunction<UUID, Instant, Uni<Integer>> contactsSince) {
        Set<Instant> starts = customer.inForce().stream()
                .filter(r -> r.terms() instanceof Terms.ContactCap && ContactRules.applies(r, question))
                .map(r -> ContactRules.periodStart(((Terms.ContactCap) r.terms()).per(), question.at()))
                .collect(Collectors.toSet());
        Uni<Map<Instant, Integer>> counts = Uni.createFrom().item(new HashMap<>());
        for (Instant start : starts) {
            counts = counts.flatMap(map -> contactsSince.apply(customer.customerId(), start).map(count -> {
                map.put(start, count);
                return map;
            }));
        }
        return counts;
    }
}
