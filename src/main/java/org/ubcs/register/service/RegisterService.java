package org.ubcs.register.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.RegisterEntryState;
import org.ubcs.api.model.RegisterRemovalReason;
import org.ubcs.api.model.RegisterStep;
import org.ubcs.api.model.RegisterVersionState;
import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;
import org.ubcs.audit.service.AuditService;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.cases.service.CaseService;
import org.ubcs.cases.service.EvidenceService;
import org.ubcs.customer.service.CustomerService;
import org.ubcs.letter.domain.LetterFacts;
import org.ubcs.letter.service.LetterService;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.register.domain.EntryContent;
import org.ubcs.register.domain.EntryFilter;
import org.ubcs.register.domain.RegisterEntryEntity;
import org.ubcs.register.domain.RegisterProcedure;
import org.ubcs.register.domain.RegisterRules;
import org.ubcs.register.domain.RegisterVersionEntity;
import org.ubcs.register.domain.RegisterViewEntity;
import org.ubcs.register.domain.Removal;
import org.ubcs.register.domain.Telling;
import org.ubcs.register.domain.TellingDraft;
import org.ubcs.register.repository.RegisterEntryRepository;
import org.ubcs.register.repository.RegisterVersionRepository;
import org.ubcs.register.repository.RegisterViewRepository;
import org.ubcs.restriction.domain.RestrictionEntity;
import org.ubcs.restriction.service.RestrictionService;
import org.ubcs.security.Actor;
import org.ubcs.time.DateOrder;
import org.ubcs.time.LondonClock;
import org.ubcs.web.ETags;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The register of potentially dangerous persons and properties: entries drafted from facts, put in force by an
 * approver who did not write them, the person told (or why not), and removed once the risk has gone. Every change is
 * audited; every read of an entry's content is logged as a view.
 */
@ApplicationScoped
public class RegisterService {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Cursors cursors;

    @Inject
    RegisterEntryRepository entries;

    @Inject
    RegisterVersionRepository versions;

    @Inject
    RegisterViewRepository views;

    @Inject
    CustomerService customers;

    @Inject
    CaseService cases;

    @Inject
    EvidenceService evidence;

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

    @Inject
    Instance<RegisterEntryListener> listeners;

    /** An entry with the versions a reader sees and the restrictions in force for the person it is about. */
    public record EntryView(RegisterEntryEntity entry, RegisterVersionEntity inForce, RegisterVersionEntity pending,
            List<RestrictionEntity> restrictionsInForce) {
    }

    /** The register's settings; the resources refuse every request first when the profile keeps no register. */
    public PolicyConfig.Register settings() {
        return policy.profile().register().filter(PolicyConfig.Register::used)
                .orElseThrow(() -> ProblemException.of(ProblemType.REGISTER_NOT_USED,
                        "This council's policy keeps no register of potentially dangerous persons and properties."));
    }

    @WithTransaction
    public Uni<EntryView> create(Actor actor, EntryContent given) {
        EntryContent content = RegisterRules.check(given, settings(), clock.today());
        return checkReferences(content).flatMap(checked -> {
            RegisterEntryEntity entry = new RegisterEntryEntity();
            entry.id = UUID.randomUUID();
            entry.state = RegisterEntryState.DRAFT;
            entry.aboutCustomerId = customerOf(content);
            entry.createdBySubject = actor.subject();
            entry.createdByName = actor.name();
            entry.createdAt = clock.now();
            entry.updatedAt = entry.createdAt;
            RegisterVersionEntity draft = newVersion(entry.id, 1, content, actor);
            entry.pendingVersionId = draft.id;
            return entries.persist(entry).call(() -> versions.persist(draft)).call(entries::flush)
                    .call(() -> audit.record(actor, "REGISTER_ENTRY_DRAFTED", AuditEntityType.REGISTER_ENTRY,
                            entry.id, null, List.of("pendingDraft")))
                    .replaceWith(() -> new EntryView(entry, null, draft, List.of()));
        });
    }

    /** Rewrites the draft waiting for approval, or starts one beside the version in force. */
    @WithTransaction
    public Uni<EntryView> draft(Actor actor, UUID id, Long expectedVersion, EntryContent given) {
        return find(id).flatMap(entry -> {
            ETags.requireCurrent(expectedVersion, entry.version);
            RegisterProcedure.require(RegisterStep.DRAFT, entry, "A removed entry takes no new draft.");
            EntryContent content = RegisterRules.check(given, settings(), clock.today());
            return checkReferences(content).flatMap(checked -> pendingOrNew(entry, content, actor)).flatMap(draft -> {
                entry.aboutCustomerId = customerOf(content);
                entry.updatedAt = clock.now();
                return entries.flush()
                        .call(() -> audit.record(actor, "REGISTER_ENTRY_DRAFTED", AuditEntityType.REGISTER_ENTRY,
                                entry.id, null, List.of("pendingDraft")))
                        .flatMap(flushed -> view(entry));
            });
        });
    }

    private Uni<RegisterVersionEntity> pendingOrNew(RegisterEntryEntity entry, EntryContent content, Actor actor) {
        if (entry.pendingVersionId != null) {
            return versions.findById(entry.pendingVersionId).map(draft -> {
                draft.content = content;
                draft.authoredBySubject = actor.subject();
                draft.authoredByName = actor.name();
                draft.authoredAt = clock.now();
                if (!Arrays.asList(draft.writtenBy).contains(actor.subject())) {
                    draft.writtenBy = Stream.concat(Arrays.stream(draft.writtenBy), Stream.of(actor.subject()))
                            .toArray(String[]::new);
                }
                return draft;
            });
        }
        return versions.ofEntry(entry.id).flatMap(all -> {
            RegisterVersionEntity draft = newVersion(entry.id, all.size() + 1, content, actor);
            entry.pendingVersionId = draft.id;
            return versions.persist(draft);
        });
    }

    /** Puts the draft in force, by an approver who wrote none of it. */
    @WithTransaction
    public Uni<EntryView> approve(Actor actor, UUID id, Long expectedVersion) {
        return find(id).flatMap(entry -> {
            ETags.requireCurrent(expectedVersion, entry.version);
            RegisterProcedure.require(RegisterStep.APPROVE, entry, "No draft is waiting for approval.");
            return approvePending(actor, entry).flatMap(approved -> view(entry));
        });
    }

    /**
     * Puts the entry's pending draft in force, in the caller's transaction (an approval, or a review that amends the
     * entry): 422 {@code APPROVER_IS_AUTHOR} when the approver wrote any of it.
     */
    public Uni<RegisterEntryEntity> approvePending(Actor actor, RegisterEntryEntity entry) {
        return versions.findById(entry.pendingVersionId).flatMap(draft -> {
            if (Arrays.asList(draft.writtenBy).contains(actor.subject())) {
                throw ProblemException.policyRule("APPROVER_IS_AUTHOR", "An entry is approved by someone who did "
                        + "not write it: ask another " + settings().approverLabel() + ".");
            }
            Uni<Void> superseded = entry.inForceVersionId == null ? Uni.createFrom().voidItem()
                    : versions.findById(entry.inForceVersionId).invoke(old -> old.state = RegisterVersionState.SUPERSEDED)
                            .replaceWithVoid();
            return superseded.flatMap(done -> entry.aboutCustomerId == null ? Uni.createFrom().nullItem()
                    : customers.findOrNull(entry.aboutCustomerId).map(customer -> customer.fullName))
                    .flatMap(customerName -> {
                        draft.state = RegisterVersionState.APPROVED;
                        draft.approvedBySubject = actor.subject();
                        draft.approvedByName = actor.name();
                        draft.approvedAt = clock.now();
                        entry.inForceVersionId = draft.id;
                        entry.pendingVersionId = null;
                        entry.state = RegisterEntryState.APPROVED;
                        entry.nextReviewOn = clock.today().plus(settings().reviewInterval());
                        entry.updatedAt = draft.approvedAt;
                        RegisterRules.putInForce(entry, draft.content, customerName, settings());
                        return entries.flush()
                                .call(() -> audit.record(actor, "REGISTER_ENTRY_APPROVED",
                                        AuditEntityType.REGISTER_ENTRY, entry.id, null,
                                        List.of("state", "inForce", "pendingDraft", "nextReviewOn")))
                                .call(() -> notifications.notify("REGISTER_ENTRY_IN_FORCE",
                                        entry.id + ":" + draft.number, settings().notifications(), null,
                                        "An entry on the register is in force",
                                        "Version " + draft.number + " of entry " + entry.id + " on the register of "
                                                + "potentially dangerous persons and properties is in force from "
                                                + clock.today() + ". Look up the register before a visit, a meeting "
                                                + "or a call, and take the precautions it gives."))
                                .replaceWith(entry);
                    });
        });
    }

    /** The approver of the version in force records that the person was told, or why not. */
    @WithTransaction
    public Uni<EntryView> recordTelling(Actor actor, UUID id, Long expectedVersion, TellingDraft given) {
        checkTelling(given);
        return find(id).flatMap(entry -> {
            ETags.requireCurrent(expectedVersion, entry.version);
            RegisterProcedure.require(RegisterStep.RECORD_TELLING, entry,
                    "Telling is recorded once, for an entry in force.");
            return versions.findById(entry.inForceVersionId).flatMap(inForce -> {
                requireApprover(actor, inForce);
                LocalDate approvedOn = LocalDate.ofInstant(inForce.approvedAt, LONDON);
                if (!given.told()) {
                    entry.telling = new Telling(false, null, null, null, null, given.notToldReason(), given.note(),
                            actor, clock.now());
                    return told(actor, entry);
                }
                DateOrder.happened("/toldOn", given.toldOn(), clock.today());
                DateOrder.follows("/toldOn", given.toldOn(), "the approval", approvedOn);
                return calendar.current().flatMap(days -> {
                    LocalDate appealBy = days.plus(given.toldOn(), settings().appealWindowWorkingDays());
                    return letter(actor, entry, inForce.content, LetterKind.REGISTER_PLACEMENT,
                            new LetterFacts(null, inForce.content.communication().arrangements(),
                                    inForce.content.precautions().stream().map(this::precautionLine).toList(),
                                    approvedOn, null, entry.nextReviewOn, appealBy, null, null, true))
                            .flatMap(letterId -> {
                                entry.telling = new Telling(true, given.toldOn(), given.channel(), letterId, appealBy,
                                        null, given.note(), actor, clock.now());
                                return told(actor, entry);
                            });
                });
            });
        });
    }

    private Uni<EntryView> told(Actor actor, RegisterEntryEntity entry) {
        entry.updatedAt = clock.now();
        return entries.flush()
                .call(() -> audit.record(actor, "REGISTER_TELLING_RECORDED", AuditEntityType.REGISTER_ENTRY,
                        entry.id, null, List.of("telling")))
                .flatMap(flushed -> view(entry));
    }

    private static void checkTelling(TellingDraft given) {
        List<FieldError> errors = new ArrayList<>();
        if (given.told()) {
            if (given.toldOn() == null) {
                errors.add(FieldError.field("/toldOn", "is required when the person was told"));
            }
            if (given.notToldReason() != null) {
                errors.add(FieldError.field("/notToldReason", "must be absent when the person was told"));
            }
        } else {
            if (given.notToldReason() == null) {
                errors.add(FieldError.field("/notToldReason", "is required when the person was not told"));
            }
            if (given.note() == null) {
                errors.add(FieldError.field("/note", "is required when the person was not told: say why"));
            }
            if (given.toldOn() != null) {
                errors.add(FieldError.field("/toldOn", "must be absent when the person was not told"));
            }
            if (given.channel() != null) {
                errors.add(FieldError.field("/channel", "must be absent when the person was not told"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** 422 {@code NOT_THE_APPROVER} unless the actor approved the version in force. */
    public void requireApprover(Actor actor, RegisterVersionEntity inForce) {
        if (!actor.subject().equals(inForce.approvedBySubject)) {
            throw ProblemException.policyRule("NOT_THE_APPROVER", "Only " + inForce.approvedByName
                    + ", who approved the entry in force, may do this.");
        }
    }

    /** Removal asked for by a person: the reasons that other steps record are theirs alone. */
    @WithTransaction
    public Uni<EntryView> remove(Actor actor, UUID id, Long expectedVersion, RegisterRemovalReason reason,
            String notes) {
        if (reason == RegisterRemovalReason.REVIEW_OUTCOME || reason == RegisterRemovalReason.APPEAL_UPHELD) {
            throw ProblemException.policyRule("REMOVAL_REASON_RESERVED", "An entry is removed for " + reason
                    + " by recording that step (the review's outcome, or the appeal's), not here.",
                    List.of(FieldError.field("/reason", "is recorded by its own step")));
        }
        return find(id).flatMap(entry -> {
            ETags.requireCurrent(expectedVersion, entry.version);
            return removeEntry(actor, entry, reason, notes).flatMap(removed -> view(entry));
        });
    }

    /**
     * Takes the entry out of every lookup, in the caller's transaction (a removal, a review or an upheld appeal): the
     * person is written to if they were told of it, and work still open on it ends.
     */
    public Uni<RegisterEntryEntity> removeEntry(Actor actor, RegisterEntryEntity entry, RegisterRemovalReason reason,
            String notes) {
        RegisterProcedure.require(RegisterStep.REMOVE, entry, "This entry is already removed.");
        entry.state = RegisterEntryState.REMOVED;
        entry.removal = new Removal(reason, notes, clock.today(), actor, clock.now());
        entry.nextReviewOn = null;
        entry.forgetLookupKeys();
        entry.updatedAt = clock.now();
        Uni<Void> ended = entries.flush()
                .call(() -> audit.record(actor, "REGISTER_ENTRY_REMOVED", AuditEntityType.REGISTER_ENTRY, entry.id,
                        null, List.of("state", "removal")));
        for (RegisterEntryListener listener : listeners) {
            ended = ended.call(() -> listener.entryRemoved(actor, entry.id));
        }
        Uni<Void> written = ended;
        if (entry.telling != null && entry.telling.told()) {
            written = ended.chain(() -> writeToPerson(actor, entry, LetterKind.REGISTER_REMOVAL, new LetterFacts(null,
                    null, List.of(), clock.today(), null, null, null, null, reason.name(), false))).replaceWithVoid();
        }
        return written.call(() -> notifications.notify("REGISTER_ENTRY_REMOVED", entry.id.toString(),
                settings().notifications(), null, "An entry on the register is removed",
                "Entry " + entry.id + " is no longer on the register of potentially dangerous persons and "
                        + "properties from " + clock.today() + ". Its precautions no longer apply."))
                .replaceWith(entry);
    }

    /** The whole entry, its read logged as a view for the purpose given. */
    @WithTransaction
    public Uni<EntryView> get(Actor actor, UUID id, RegisterViewPurpose purpose) {
        return find(id).call(entry -> views.log(entry.id, actor, purpose, RegisterViewVia.ENTRY, clock.now())).flatMap(this::view);
    }

    /** Every version, the first first, the read logged as a view. */
    @WithTransaction
    public Uni<List<RegisterVersionEntity>> versions(Actor actor, UUID id, RegisterViewPurpose purpose) {
        return find(id).call(entry -> views.log(entry.id, actor, purpose, RegisterViewVia.ENTRY, clock.now())).flatMap(entry -> versions.ofEntry(entry.id));
    }

    /** A page of entries with the version each is summarised by (in force, else the draft). */
    @WithSession
    public Uni<Page<Map.Entry<RegisterEntryEntity, RegisterVersionEntity>>> list(EntryFilter filter, String cursor,
            int limit) {
        settings();
        return entries.page(filter, cursors.decode("register-entries", cursor), limit + 1).flatMap(found -> {
            List<UUID> shown = found.stream()
                    .map(e -> e.inForceVersionId != null ? e.inForceVersionId : e.pendingVersionId).toList();
            return versions.list("id in ?1", shown).map(list -> {
                Map<UUID, RegisterVersionEntity> byId = list.stream()
                        .collect(Collectors.toMap(v -> v.id, Function.identity()));
                List<Map.Entry<RegisterEntryEntity, RegisterVersionEntity>> rows = found.stream()
                        .map(e -> Map.entry(e, byId.get(e.inForceVersionId != null ? e.inForceVersionId
                                : e.pendingVersionId)))
                        .toList();
                return Page.of(rows, limit, row -> cursors.encode("register-entries", row.getKey().createdAt,
                        row.getKey().id));
            });
        });
    }

    /** Who read which entry, when, how and why; oldest first. */
    @WithSession
    public Uni<Page<RegisterViewEntity>> views(UUID entryId, String viewer, String cursor, int limit) {
        settings();
        return views.page(entryId, viewer, cursors.decode("register-views", cursor), limit + 1)
                .map(found -> Page.of(found, limit, v -> cursors.encode("register-views", v.viewedAt, v.id)));
    }

    /** The entry, in the caller's session; 404 when there is none. */
    public Uni<RegisterEntryEntity> find(UUID id) {
        settings();
        return entries.findById(id).map(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("No register entry with this id.");
            }
            return entry;
        });
    }

    /** The entry, in the caller's session, or null when there is none (a step elsewhere that names an entry). */
    public Uni<RegisterEntryEntity> findOrNull(UUID id) {
        settings();
        return entries.findById(id);
    }

    /** Everyone who wrote or approved any version of the entry, in the caller's session. */
    public Uni<Set<String>> writersAndApprovers(UUID entryId) {
        return versions.ofEntry(entryId).map(all -> {
            Set<String> subjects = new HashSet<>();
            for (RegisterVersionEntity version : all) {
                subjects.addAll(Arrays.asList(version.writtenBy));
                if (version.approvedBySubject != null) {
                    subjects.add(version.approvedBySubject);
                }
            }
            return subjects;
        });
    }

    /**
     * A letter to the person the entry is about (a customer on record, or by the name and address the version in
     * force holds), in the caller's transaction: for the register's own steps and an appeal against the entry.
     */
    public Uni<UUID> writeToPerson(Actor actor, RegisterEntryEntity entry, LetterKind kind, LetterFacts facts) {
        return versions.findById(entry.inForceVersionId)
                .chain(inForce -> letter(actor, entry, inForce.content, kind, facts));
    }

    /** The version in force of an entry, in the caller's session. */
    public Uni<RegisterVersionEntity> version(UUID versionId) {
        return versions.findById(versionId);
    }

    private Uni<EntryView> view(RegisterEntryEntity entry) {
        Uni<RegisterVersionEntity> inForce = entry.inForceVersionId == null ? Uni.createFrom().nullItem()
                : versions.findById(entry.inForceVersionId);
        Uni<RegisterVersionEntity> pending = entry.pendingVersionId == null ? Uni.createFrom().nullItem()
                : versions.findById(entry.pendingVersionId);
        // Restrictions are shown from the person's cases while the entry is in force, never copied into it.
        Uni<List<RestrictionEntity>> inForceRestrictions = entry.state != RegisterEntryState.REMOVED
                && entry.aboutCustomerId != null ? restrictions.inForceFor(entry.aboutCustomerId)
                        : Uni.createFrom().item(List.of());
        return inForce.flatMap(current -> pending.flatMap(draft -> inForceRestrictions
                .map(found -> new EntryView(entry, current, draft, found))));
    }

    private Uni<UUID> letter(Actor actor, RegisterEntryEntity entry, EntryContent content, LetterKind kind,
            LetterFacts facts) {
        EntryContent.Person person = content.person();
        EntryContent.Address address = content.property() == null ? null : content.property().address();
        List<String> lines = address == null ? List.of()
                : Stream.of(address.line1(), address.line2(), address.town(), address.postcode())
                        .filter(line -> line != null && !line.isBlank()).toList();
        return letters.issueAboutRegisterEntry(actor, kind, entry.id, person == null ? null : person.customerId(),
                person == null ? null : person.fullName(), lines, facts);
    }

    private String precautionLine(EntryContent.Precaution precaution) {
        String label = settings().labelOf(precaution.code()).orElse(precaution.code());
        return precaution.note() == null ? label : label + ": " + precaution.note();
    }

    private RegisterVersionEntity newVersion(UUID entryId, int number, EntryContent content, Actor actor) {
        RegisterVersionEntity version = new RegisterVersionEntity();
        version.id = UUID.randomUUID();
        version.entryId = entryId;
        version.number = number;
        version.state = RegisterVersionState.DRAFT;
        version.content = content;
        version.authoredBySubject = actor.subject();
        version.authoredByName = actor.name();
        version.authoredAt = clock.now();
        version.writtenBy = new String[] { actor.subject() };
        return version;
    }

    private static UUID customerOf(EntryContent content) {
        return content.person() == null ? null : content.person().customerId();
    }

    /** 422 {@code unknown-reference} for a customer, case or evidence entry the content names and that is not. */
    private Uni<Void> checkReferences(EntryContent content) {
        List<FieldError> unknown = new ArrayList<>();
        Uni<Void> checked = Uni.createFrom().voidItem();
        UUID customerId = customerOf(content);
        if (customerId != null) {
            checked = checked.call(() -> customers.findOrNull(customerId).invoke(customer -> {
                if (customer == null) {
                    unknown.add(FieldError.field("/person/customerId", "is not a customer on record"));
                }
            }));
        }
        for (int i = 0; i < content.incidents().size(); i++) {
            EntryContent.Incident incident = content.incidents().get(i);
            String at = "/incidents/" + i;
            if (incident.caseId() == null) {
                continue;
            }
            checked = checked.call(() -> cases.findOrNull(incident.caseId()).flatMap(kase -> {
                if (kase == null) {
                    unknown.add(FieldError.field(at + "/caseId", "is not a case on record"));
                    return Uni.createFrom().voidItem();
                }
                return incident.evidenceEntryId() == null ? Uni.createFrom().voidItem()
                        : evidence.existsInCase(incident.caseId(), incident.evidenceEntryId()).invoke(exists -> {
                            if (!exists) {
                                unknown.add(FieldError.field(at + "/evidenceEntryId", "is not evidence of the case"));
                            }
                        }).replaceWithVoid();
            }));
        }
        return checked.invoke(() -> {
            if (!unknown.isEmpty()) {
                throw ProblemException.withErrors(ProblemType.UNKNOWN_REFERENCE,
                        "The entry names something that is not on record.", unknown);
            }
        });
    }
}
