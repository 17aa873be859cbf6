package org.ubcs.letter.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.customer.domain.CustomerDetails;
import org.ubcs.customer.service.CustomerService;
import org.ubcs.letter.domain.LetterEntity;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.domain.LetterView;
import org.ubcs.letter.domain.LetterWording;
import org.ubcs.letter.domain.RestrictionFacts;
import org.ubcs.letter.domain.RestrictionWording;
import org.ubcs.letter.repository.LetterRepository;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Letters to the customer. The step that needs a letter issues it in its own transaction ({@link #issue}); the letter
 * is rendered then, in the languages of the policy profile, and kept as written. An officer later records the day it
 * was sent, once.
 */
@ApplicationScoped
public class LetterService {

    @Inject
    LetterRepository letters;

    @Inject
    LetterRenderer renderer;

    @Inject
    CustomerService customers;

    @Inject
    CaseDirectory cases;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    /**
     * Renders and stores a letter in the caller's transaction; returns its id. The customer must exist and, if a case
     * is given, be its customer: anything else is a mistake of the calling step, not of the user, and fails it.
     */
    public Uni<UUID> issue(Actor actor, LetterKind kind, UUID customerId, UUID caseId, LetterFacts facts) {
        return write(actor, kind, List.of(new Letter(customerId, caseId, facts)), null).map(ids -> ids.get(0));
    }

    /** One letter of {@link #issueAll}: to whom, about which case (or none), saying what. */
    public record Letter(UUID customerId, UUID caseId, LetterFacts facts) {
    }

    /**
     * As {@link #issue} for many letters of one kind at once (a job's batch): the cases and customers are read with a
     * query each, every letter rendered as {@link #issue} renders it, and the letters and their audit events handed
     * to Hibernate together; returns their ids in order.
     */
    public Uni<List<UUID>> issueAll(Actor actor, LetterKind kind, List<Letter> letters) {
        return write(actor, kind, letters, null);
    }

    /**
     * A letter the customer was already sent on {@code sentOn} (a step recorded after the event, such as a prior
     * warning): kept dated that day and recorded as sent then by the actor, so the record holds the one letter the
     * customer received rather than a second one dated today.
     */
    public Uni<UUID> issueSent(Actor actor, LetterKind kind, UUID customerId, UUID caseId, LetterFacts facts,
            LocalDate sentOn) {
        return write(actor, kind, List.of(new Letter(customerId, caseId, facts)),
                Objects.requireNonNull(sentOn, "sentOn")).map(ids -> ids.get(0));
    }

    /**
     * A letter about a register entry, to the person it is about: a customer on record ({@code customerId}), or a
     * person who is not one, by the name and address the entry holds (empty: "the occupier" of the address).
     */
    public Uni<UUID> issueAboutRegisterEntry(Actor actor, LetterKind kind, UUID registerEntryId, UUID customerId,
            String name, List<String> address, LetterFacts facts) {
        Objects.requireNonNull(registerEntryId, "registerEntryId");
        Uni<Recipient> recipient = customerId != null
                ? customers(List.of(customerId)).map(found -> found.get(customerId))
                : Uni.createFrom().item(new Recipient(null, name, address));
        return recipient.chain(to -> store(actor, List.of(letter(actor, kind, to, null, registerEntryId, facts, null)),
                null)).map(ids -> ids.get(0));
    }

    /** Whom a letter is to: a customer on record (with their id), or a person named on a register entry. */
    private record Recipient(UUID customerId, String name, List<String> address) {
    }

    /** These customers as recipients, by id; each must exist. */
    private Uni<Map<UUID, Recipient>> customers(Collection<UUID> customerIds) {
        return customers.addressees(customerIds).map(found -> {
            Map<UUID, Recipient> recipients = new HashMap<>();
            found.forEach(customer -> recipients.put(customer.id(), new Recipient(customer.id(), customer.fullName(),
                    address(customer.address()))));
            for (UUID id : customerIds) {
                if (!recipients.containsKey(id)) {
                    throw new IllegalArgumentException("No customer " + id);
                }
            }
            return recipients;
        });
    }

    private Uni<List<UUID>> write(Actor actor, LetterKind kind, List<Letter> letters, LocalDate sentOn) {
        letters.forEach(letter -> Objects.requireNonNull(letter.customerId(), "customerId"));
        Set<UUID> caseIds = letters.stream().map(Letter::caseId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Uni<Void> casesChecked = caseIds.isEmpty() ? Uni.createFrom().voidItem()
                : cases.customersOf(caseIds).invoke(owners -> letters.stream().filter(l -> l.caseId() != null)
                        .forEach(l -> {
                            UUID owner = owners.get(l.caseId());
                            if (!l.customerId().equals(owner)) {
                                throw new IllegalArgumentException(owner == null ? "No case " + l.caseId()
                                        : "Case " + l.caseId() + " is not customer " + l.customerId() + "'s");
                            }
                        })).replaceWithVoid();
        return casesChecked.chain(() -> customers(letters.stream().map(Letter::customerId).distinct().toList()))
                .chain(to -> store(actor, letters.stream().map(l -> letter(actor, kind, to.get(l.customerId()),
                        l.caseId(), null, l.facts(), sentOn)).toList(), sentOn));
    }

    /** A letter rendered and ready to store. */
    private LetterEntity letter(Actor actor, LetterKind kind, Recipient to, UUID caseId, UUID registerEntryId,
            LetterFacts facts, LocalDate sentOn) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(facts, "facts");
        PolicyConfig.Profile profile = policy.profile();
        List<LetterLanguage> languages = LetterRenderer.order(profile.letterLanguages());
        LocalDate dated = sentOn != null ? sentOn : clock.today();
        LetterRenderer.Rendered rendered = renderer.render(kind, languages, (language, subject) -> view(
                language, languages.size() > 1, subject, to, dated, facts, profile, registerEntryId != null,
                restrictions -> restrictions.stream()
                        .map(r -> renderer.describe(RestrictionWording.of(r, language), language)).toList()));
        LetterEntity letter = new LetterEntity();
        letter.id = UUID.randomUUID();
        letter.customerId = to.customerId();
        letter.caseId = caseId;
        letter.registerEntryId = registerEntryId;
        letter.kind = kind;
        letter.languages = languages.stream().map(Enum::name).toArray(String[]::new);
        letter.subject = rendered.subject();
        letter.html = rendered.html();
        letter.bodyText = rendered.text();
        letter.createdAt = clock.now();
        if (sentOn != null) {
            letter.sentOn = sentOn;
            letter.sentBySubject = actor.subject();
            letter.sentByName = actor.name();
        }
        return letter;
    }

    /** Stores rendered letters and an audit event for each; returns their ids. */
    private Uni<List<UUID>> store(Actor actor, List<LetterEntity> written, LocalDate sentOn) {
        return letters.insertAll(written)
                .call(() -> audit.recordAll(actor, "LETTER_ISSUED", AuditEntityType.LETTER, written.stream()
                        .map(letter -> new AuditService.Target(letter.id, letter.caseId)).toList(),
                        sentOn == null ? List.of("kind", "languages", "subject", "html", "text")
                                : List.of("kind", "languages", "subject", "html", "text", "sentOn")))
                .replaceWith(written.stream().map(letter -> letter.id).toList());
    }

    @WithSession
    public Uni<LetterEntity> get(UUID id) {
        return find(id);
    }

    /** The letters about a case, oldest first; 404 for an unknown case. */
    @WithSession
    public Uni<List<LetterEntity>> ofCase(UUID caseId) {
        return cases.customerOf(caseId).chain(customer -> {
            if (customer == null) {
                throw ProblemException.notFound("No case with this id.");
            }
            return letters.ofCase(caseId);
        });
    }

    /** Every letter to a customer, oldest first; 404 for an unknown customer. */
    @WithSession
    public Uni<List<LetterEntity>> ofCustomer(UUID customerId) {
        return customers.findOrNull(customerId).chain(customer -> {
            if (customer == null) {
                throw ProblemException.notFound("No customer with this id.");
            }
            return letters.ofCustomer(customerId);
        });
    }

    /**
     * Records the day the letter was sent: not in the future, not before it was written, and only once (409).
     */
    @WithTransaction
    public Uni<LetterEntity> markSent(Actor actor, UUID id, Long expectedVersion, LocalDate sentOn) {
        DateOrder.happened("/sentOn", sentOn, clock.today());
        return find(id).chain(letter -> {
            ETags.requireCurrent(expectedVersion, letter.version);
            if (letter.sentOn != null) {
                throw ProblemException.illegalStep("The letter was already sent on " + letter.sentOn + ".",
                        List.of());
            }
            DateOrder.follows("/sentOn", sentOn, "the day the letter was written",
                    LocalDate.ofInstant(letter.createdAt, LondonClock.LONDON));
            letter.sentOn = sentOn;
            letter.sentBySubject = actor.subject();
            letter.sentByName = actor.name();
            return letters.flush()
                    .call(() -> audit.record(actor, "LETTER_SENT", AuditEntityType.LETTER, id, letter.caseId,
                            List.of("sentOn")))
                    .replaceWith(letter);
        });
    }

    private Uni<LetterEntity> find(UUID id) {
        return letters.findById(id).map(letter -> {
            if (letter == null) {
                throw ProblemException.notFound("No letter with this id.");
            }
            return letter;
        });
    }

    private static LetterView view(LetterLanguage language, boolean bilingual, String subject, Recipient to,
            LocalDate dated, LetterFacts facts, PolicyConfig.Profile profile, boolean aboutRegister,
            Function<List<RestrictionFacts>, List<String>> worded) {
        List<String> actions = new ArrayList<>(worded.apply(facts.restrictions()));
        facts.actions().stream().filter(a -> a != null && !a.isBlank()).forEach(actions::add);
        PolicyConfig.Ombudsman ombudsman = profile.ombudsman();
        return new LetterView(
                language.name().toLowerCase(Locale.ROOT),
                bilingual,
                subject,
                profile.councilName(language),
                to.name(),
                to.address(),
                LetterWording.date(dated, language),
                blankToNull(facts.matter()),
                blankToNull(facts.why()),
                List.copyOf(actions),
                worded.apply(facts.previous()),
                LetterWording.date(facts.startsOn(), language),
                LetterWording.date(facts.endsOn(), language),
                LetterWording.date(facts.reviewOn(), language),
                LetterWording.date(facts.challengeBy(), language),
                LetterWording.date(facts.dueOn(), language),
                blankToNull(facts.outcome()),
                facts.ombudsman(),
                ombudsman.name(language),
                ombudsman.url(),
                profile.appealReviewerLabel(language),
                LetterWording.period(profile.retentionAfterClosure(), language),
                LetterWording.period(profile.customerReviewRequestAfter(), language),
                profile.appealWindowWorkingDays() == 0 ? 0 : profile.appealDecisionWorkingDays(),
                aboutRegister);
    }

    private static List<String> address(CustomerDetails.Address address) {
        List<String> lines = new ArrayList<>();
        if (address != null) {
            for (String line : new String[] { address.line1(), address.line2(), address.town(),
                address.postcode() }) {
                if (line != null && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
