package org.ubcs.contactcheck.service;

import java.time.Instant;
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
import org.ubcs.api.model.Channel;
import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;
import org.ubcs.time.LondonClock;
import org.ubcs.contactcheck.domain.Candidate;
import org.ubcs.contactcheck.domain.ContactEntity;
import org.ubcs.contactcheck.domain.ContactOutcome;
import org.ubcs.contactcheck.domain.ContactQuestionDraft;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.domain.Matter;
import org.ubcs.contactcheck.repository.ContactCheckRepository;
import org.ubcs.contactcheck.repository.ContactRepository;
import org.ubcs.audit.service.AuditService;
import org.ubcs.identifiers.Identifiers;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.readandfile.service.ReadAndFileService;
import org.ubcs.register.domain.LookupKeys;
import org.ubcs.register.service.RegisterLookupService;
import org.ubcs.restriction.domain.Terms;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

/**
 * The contact check. Reading is the hot path and never opens an ORM session; recording the contact (which then
 * counts towards caps, and may file correspondence for screening) is a normal audited transaction. Where the council
 * keeps a register of potentially dangerous persons and properties, the answer also carries the precautions of its
 * entries about the caller or their home; they never change the verdict.
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
    RegisterLookupService register;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    @Inject
    ContactCheckMetrics metrics;

    /**
     * Answers the question without recording anything: the hot path. One query on the reactive client, then pure
     * rules, composed as Vert.x futures: no ORM session, and no Mutiny operator capturing the request's context at
     * each step.
     */
    public Future<Checked> check(Actor actor, ContactQuestionDraft draft) {
        return find(actor, draft).map(found -> {
            ContactOutcome outcome = found.customer() == null ? found.unresolved()
                    : answer(draft, found.customer(), found.customer().contactsSince());
            metrics.answered(outcome.answer().verdict());
            return new Checked(outcome, found.precautions());
        });
    }

    /**
     * Finds the customer the question is about, the restrictions in force for them and the register's precautions
     * (logged as views by the actor). Done before any transaction opens, so that a recording call never holds one
     * connection while it waits for another.
     */
    public Uni<Identified> identify(Actor actor, ContactQuestionDraft draft) {
        if (draft.record()) {
            // A contact is recorded once it has happened; checking ahead ("may they call on Tuesday?") records nothing.
            DateOrder.happened("/at", draft.question().at().toInstant(), clock.now(), clock.clockSkew());
        }
        return Uni.createFrom().completionStage(() -> find(actor, draft).toCompletionStage());
    }

    private Future<Identified> find(Actor actor, ContactQuestionDraft draft) {
        return readModel.candidates(draft.who(), draft.question().at()).compose(candidates -> {
            Identified found = identified(draft, candidates);
            return precautions(actor, draft, found.customer())
                    .map(precautions -> new Identified(found.customer(), found.unresolved(), precautions));
        });
    }

    /**
     * The one customer the identifiers lead to, or the answer when they lead to nobody or to several people. An id
     * that names no customer, or a case that is not theirs, is refused: either would otherwise match no restriction
     * and be answered ALLOW.
     */
    private static Identified identified(ContactQuestionDraft draft, List<Candidate> candidates) {
        if (candidates.isEmpty() && draft.who().customerId() != null) {
            throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "No customer with this id.",
                    List.of(FieldError.field("/customerId", "no customer with this id")));
        }
        if (candidates.size() == 1) {
            UUID caseId = draft.question().caseId();
            if (caseId != null && !candidates.get(0).hasCase(caseId)) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE, "This customer has no case "
                        + "with this id.", List.of(FieldError.field("/caseId", "no case of this customer with "
                                + "this id")));
            }
            return new Identified(candidates.get(0), null, List.of());
        }
        ContactRules.Answer answer = candidates.isEmpty() ? ContactRules.unknownPerson() : ContactRules.ambiguous();
        return new Identified(null, new ContactOutcome(answer, null, List.of(), null, null), List.of());
    }

    /**
     * Answers the question for an identified customer and records the contact, which then counts towards caps (and
     * files correspondence on a closed matter for screening). Contacts are counted and the verdict given under a lock
     * on that customer, held until commit, so that two calls at once cannot both take the last contact a cap allows.
     */
    @WithTransaction
    public Uni<Checked> checkAndRecord(Actor actor, ContactQuestionDraft draft, Identified found) {
        if (found.customer() == null) {
            // nobody on record to count the contact against
            return Uni.createFrom().item(new Checked(found.unresolved(), found.precautions()))
                    .invoke(checked -> metrics.answered(checked.outcome().answer().verdict()));
        }
        // Counted once the contact is recorded (a replay of the same Idempotency-Key answers without coming here).
        return contacts.lockCustomer(found.customer().customerId())
                .flatMap(locked -> contactsInCapPeriods(found.customer(), draft.question(), contacts::countSince))
                .flatMap(counts -> record(actor, draft, answer(draft, found.customer(), counts)))
                .map(outcome -> new Checked(outcome, found.precautions()))
                .invoke(checked -> metrics.answered(checked.outcome().answer().verdict()));
    }

    /** Every contact recorded for the customer, oldest first, in the caller's session (subject access). */
    public Uni<List<ContactEntity>> ofCustomer(UUID customerId) {
        return contacts.list("customerId = ?1 order by occurredAt, id", customerId);
    }

    /**
     * Either the one customer the identifiers match, or the answer when they match nobody or several people; and the
     * register's precautions about the caller (empty when none, or when the council keeps no register).
     */
    public record Identified(Candidate customer, ContactOutcome unresolved,
            List<RegisterLookupService.Match> precautions) {
    }

    /** The outcome of a check, and the register's precautions beside it (never part of the verdict). */
    public record Checked(ContactOutcome outcome, List<RegisterLookupService.Match> precautions) {
    }

    /**
     * The register's entries in force about the customer (by id, or by name at their postcode) or their home (first
     * line at the postcode); for a caller who is not one customer on record, about the name and postcode they gave.
     * Each is logged as a view. Where the profile keeps no register, nothing is asked at all.
     */
    private Future<List<RegisterLookupService.Match>> precautions(Actor actor, ContactQuestionDraft draft,
            Candidate customer) {
        if (!policy.profile().registerUsed()) {
            return Future.succeededFuture(List.of());
        }
        // Customers have no date of birth on record, so a name is only matched at a postcode.
        LookupKeys keys = customer != null
                ? new LookupKeys(customer.postcodeKey(), Identifiers.addressKey(customer.addressLine1()), null,
                        customer.customerId(), customer.nameKey(), null)
                : new LookupKeys(draft.who().postcodeKey(), null, null, null, draft.who().nameKey(), null);
        return register.about(actor, keys, purpose(draft.question().channel()), RegisterViewVia.CONTACT_CHECK);
    }

    /** Why the register was read, from how the person is in contact: a call, a meeting, or otherwise. */
    static RegisterViewPurpose purpose(Channel channel) {
        return switch (channel) {
            case TELEPHONE -> RegisterViewPurpose.CALL;
            case FACE_TO_FACE -> RegisterViewPurpose.MEETING;
            default -> RegisterViewPurpose.OTHER;
        };
    }

    /** The verdict, and the customer's open matters named for the contact centre (no other personal detail). */
    private static ContactOutcome answer(ContactQuestionDraft draft, Candidate customer, Map<Instant, Integer> counts) {
        List<Matter> open = customer.openMatters();
        List<Matter.Summary> matters = open.stream().map(m -> new Matter.Summary(m.caseId(),
                Matter.shortTitle(m.matter()), ContactRules.readAndFile(m.caseId(), customer.inForce()).isPresent()))
                .toList();
        return new ContactOutcome(ContactRules.evaluate(draft.question(), customer.inForce(),
                open.stream().map(Matter::caseId).toList(), counts), customer.customerId(), matters, null, null);
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
                .map(itemId -> new ContactOutcome(outcome.answer(), outcome.customerId(), outcome.matters(),
                        contact.id, itemId));
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
