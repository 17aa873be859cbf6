package org.ubcs.subjectaccess.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.appeal.domain.AppealFilter;
import org.ubcs.appeal.service.AppealService;
import org.ubcs.audit.service.AuditService;
import org.ubcs.cases.domain.CaseFilter;
import org.ubcs.cases.domain.CaseView;
import org.ubcs.cases.domain.EvidenceView;
import org.ubcs.cases.service.CaseService;
import org.ubcs.cases.service.EvidenceService;
import org.ubcs.contactcheck.domain.ContactEntity;
import org.ubcs.contactcheck.service.ContactCheckService;
import org.ubcs.customer.domain.CustomerEntity;
import org.ubcs.customer.service.CustomerService;
import org.ubcs.letter.domain.LetterEntity;
import org.ubcs.letter.service.LetterService;
import org.ubcs.notification.domain.NotificationEntity;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.paging.Page;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.ProblemException;
import org.ubcs.readandfile.domain.ReadAndFileItemEntity;
import org.ubcs.readandfile.service.ReadAndFileService;
import org.ubcs.register.domain.EntryFilter;
import org.ubcs.register.domain.RegisterVersionEntity;
import org.ubcs.register.service.RegisterService;
import org.ubcs.restriction.domain.RestrictionFilter;
import org.ubcs.restriction.domain.RestrictionView;
import org.ubcs.restriction.service.RestrictionService;
import org.ubcs.review.domain.FreshIssueEntity;
import org.ubcs.review.domain.ReviewEntity;
import org.ubcs.review.service.ReviewService;
import org.ubcs.security.Actor;
import org.ubcs.subjectaccess.domain.SubjectAccessExportEntity;
import org.ubcs.subjectaccess.repository.SubjectAccessExportRepository;
import org.ubcs.text.TextHygiene;
import org.ubcs.time.LondonClock;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The right of access (UK GDPR article 15): gathers everything held about a customer through each capability's
 * service, in one transaction that also writes the export log entry (with the reason) and the audit event. Reads
 * run one after another: a reactive session takes one query at a time.
 */
@ApplicationScoped
public class SubjectAccessService {

    /** The formats an export is served in, as logged. */
    public enum Format {
        JSON, HTML
    }

    /** One case and everything recorded under it. */
    public record CaseHoldings(CaseView kase, List<EvidenceView> evidence, List<ReviewEntity> reviews,
            List<FreshIssueEntity> freshIssues, List<AppealEntity> appeals, List<NotificationEntity> notifications) {
    }

    /** A register entry about the customer with every version. */
    public record RegisterHoldings(RegisterService.EntryView entry, List<RegisterVersionEntity> versions) {
    }

    /** Everything held about one customer, as of {@code today}. */
    public record Holdings(SubjectAccessExportEntity export, LocalDate today, CustomerEntity customer,
            List<CaseHoldings> cases, List<RestrictionView> restrictions, List<LetterEntity> letters,
            List<ContactEntity> contacts, List<ReadAndFileItemEntity> readAndFileItems,
            List<RegisterHoldings> registerEntries, List<AppealEntity> otherAppeals) {
    }

    private static final int PAGE = 200;

    @Inject
    SubjectAccessExportRepository exports;

    @Inject
    AuditService audit;

    @Inject
    LondonClock clock;

    @Inject
    ActivePolicy policy;

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
    ContactCheckService contacts;

    @Inject
    ReadAndFileService readAndFile;

    @Inject
    ReviewService reviews;

    @Inject
    AppealService appeals;

    @Inject
    NotificationService notifications;

    @Inject
    RegisterService register;

    /** Logs and audits the export, then gathers everything held about the customer; 404 for an unknown customer. */
    @WithTransaction
    public Uni<Holdings> export(Actor actor, UUID customerId, String reason, Format format) {
        if (reason == null || TextHygiene.isBlank(reason)) {
            throw ProblemException.invalidField("/reason", "must contain something visible");
        }
        return customers.findOrNull(customerId).flatMap(customer -> {
            if (customer == null) {
                throw ProblemException.notFound("No customer with this id.");
            }
            SubjectAccessExportEntity export = new SubjectAccessExportEntity();
            export.id = UUID.randomUUID();
            export.customerId = customerId;
            export.exportedAt = clock.now();
            export.exportedBySubject = actor.subject();
            export.exportedByName = actor.name();
            export.reason = reason.strip();
            export.format = format.name();
            Collected b = new Collected(export, clock.today(), customer);
            return exports.persist(export)
                    .call(() -> audit.record(actor, "SUBJECT_ACCESS_EXPORTED", AuditEntityType.CUSTOMER, customerId,
                            null, List.of("reason", "format")))
                    .chain(() -> all(cursor -> cases.list(new CaseFilter(null, null, null, customerId, null), cursor,
                            PAGE)))
                    .chain(found -> each(found, this::holdingsOf)).invoke(b::cases)
                    .chain(() -> all(cursor -> restrictions.list(
                            new RestrictionFilter(customerId, null, null, null, null), cursor, PAGE)))
                    .invoke(b::restrictions)
                    .chain(() -> letters.ofCustomer(customerId)).invoke(b::letters)
                    .chain(() -> contacts.ofCustomer(customerId)).invoke(b::contacts)
                    .chain(() -> readAndFile.ofCustomer(customerId)).invoke(b::readAndFile)
                    .chain(() -> registerEntries(actor, customerId)).invoke(b::register)
                    .chain(() -> appeals.ofCustomerOutsideCases(customerId)).invoke(b::otherAppeals)
                    .map(ignored -> b.build());
        });
    }

    private Uni<CaseHoldings> holdingsOf(CaseView kase) {
        UUID caseId = kase.kase().id;
        List<Object> parts = new ArrayList<>();
        return all(cursor -> evidence.list(caseId, cursor, PAGE)).invoke(parts::add)
                .chain(() -> all(cursor -> reviews.list(null, null, caseId, cursor, PAGE))).invoke(parts::add)
                .chain(() -> reviews.freshIssues(caseId)).invoke(parts::add)
                .chain(() -> all(cursor -> appeals.list(new AppealFilter(null, caseId, null, null), cursor, PAGE)))
                .invoke(parts::add)
                .chain(() -> all(cursor -> notifications.page(null, caseId, cursor, PAGE))).invoke(parts::add)
                .map(ignored -> new CaseHoldings(kase, cast(parts.get(0)), cast(parts.get(1)), cast(parts.get(2)),
                        cast(parts.get(3)), cast(parts.get(4))));
    }

    /** Entries linked to the customer, each read logged as a register view (purpose OTHER); none without a register. */
    private Uni<List<RegisterHoldings>> registerEntries(Actor actor, UUID customerId) {
        if (policy.profile().register().filter(r -> r.used()).isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return all(cursor -> register.list(new EntryFilter(null, customerId), cursor, PAGE))
                .chain(rows -> each(rows, row -> register.get(actor, row.getKey().id, RegisterViewPurpose.OTHER)
                        .chain(view -> register.versions(actor, row.getKey().id, RegisterViewPurpose.OTHER)
                                .map(versions -> new RegisterHoldings(view, versions)))));
    }

    /** Every page of a collection, one after another. */
    private static <T> Uni<List<T>> all(Function<String, Uni<Page<T>>> page) {
        List<T> items = new ArrayList<>();
        return more(page, null, items).replaceWith(items);
    }

    private static <T> Uni<Void> more(Function<String, Uni<Page<T>>> page, String cursor, List<T> items) {
        return page.apply(cursor).chain(found -> {
            items.addAll(found.items());
            return found.nextCursor() == null ? Uni.createFrom().voidItem() : more(page, found.nextCursor(), items);
        });
    }

    /** Applies {@code step} to each item in turn (never at once: one session). */
    private static <T, R> Uni<List<R>> each(List<T> items, Function<T, Uni<R>> step) {
        List<R> results = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item)).invoke(results::add).replaceWithVoid();
        }
        return chain.replaceWith(results);
    }

    /** The holdings as they are read, one collection after another. */
    private static final class Collected {
        final SubjectAccessExportEntity export;
        final LocalDate today;
        final CustomerEntity customer;
        List<CaseHoldings> cases;
        List<RestrictionView> restrictions;
        List<LetterEntity> letters;
        List<ContactEntity> contacts;
        List<ReadAndFileItemEntity> readAndFile;
        List<RegisterHoldings> register;
        List<AppealEntity> otherAppeals;

        Collected(SubjectAccessExportEntity export, LocalDate today, CustomerEntity customer) {
            this.export = export;
            this.today = today;
            this.customer = customer;
        }

        void cases(List<CaseHoldings> found) {
            cases = found;
        }

        void restrictions(List<RestrictionView> found) {
            restrictions = found;
        }

        void letters(List<LetterEntity> found) {
            letters = found;
        }

        void contacts(List<ContactEntity> found) {
            contacts = found;
        }

        void readAndFile(List<ReadAndFileItemEntity> found) {
            readAndFile = found;
        }

        void register(List<RegisterHoldings> found) {
            register = found;
        }

        void otherAppeals(List<AppealEntity> found) {
            otherAppeals = found;
        }

        Holdings build() {
            return new Holdings(export, today, customer, cases, restrictions, letters, contacts, readAndFile,
                    register, otherAppeals);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }
}
