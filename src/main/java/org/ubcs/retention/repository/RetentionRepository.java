package org.ubcs.retention.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The retention job's SQL. Removal overwrites in place: free text becomes {@link #MARKER}, optional personal columns
 * become null, and the rows stay (with their ids, dates, enums and foreign keys) for the statistics. Every statement
 * only touches what is still there to remove, so running it again changes nothing.
 */
@ApplicationScoped
public class RetentionRepository {

    /** What removed free text reads as: satisfies every NOT NULL and minLength, and identifies no one. */
    public static final String MARKER = "[removed]";

    /** Free-text keys of the case's forms (referral, prior warning, preconditions, assessment, case conference). */
    private static final String FORM_KEYS = "array['background','details','result','title','reference','summary',"
            + "'note','notes','chair','owner','action','complaintsProcedureStage']";

    /** Free-text keys of a restriction's terms: descriptions, agreements, court references, offices. */
    private static final String TERMS_KEYS = "array['details','description','terms','court','reference','offices']";

    /** A case an open appeal (lodged or late) holds, or an active legal or Ombudsman hold. */
    private static final String HELD = "(exists (select 1 from appeal a where a.case_id = k.id "
            + "and a.state in ('LODGED', 'LATE')) or exists (select 1 from case_hold h where h.case_id = k.id "
            + "and h.released_at is null))";

    /**
     * Closed cases closed on or before {@code closedBy}, not yet anonymised and not held, oldest closure first: the
     * job's work. Indexed by {@code policy_case_retention_due}.
     */
    public Uni<List<UUID>> casesDue(LocalDate closedBy, int limit, List<UUID> skip) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select k.id from policy_case k where k.status = 'CLOSED' and k.personal_data_removed_on is null "
                        + "and k.closed_on <= :closedBy and k.id not in (:skip) and not " + HELD
                        + " order by k.closed_on, k.id", UUID.class)
                .setParameter("closedBy", closedBy).setParameter("skip", skip).setMaxResults(limit)
                .getResultList());
    }

    /**
     * Removes the personal data of these cases and of everything recorded under them, set-based; returns the ids of
     * the cases it removed (those already removed are left as they are).
     */
    public Uni<List<UUID>> removeCaseData(List<UUID> caseIds, LocalDate today) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("update policy_case set "
                + "matter = :marker, referral = ubcs_redact(referral, " + FORM_KEYS + "), "
                + "prior_warning = ubcs_redact(prior_warning, " + FORM_KEYS + "), "
                + "preconditions = ubcs_redact(preconditions, " + FORM_KEYS + "), "
                + "assessment = ubcs_redact(assessment, " + FORM_KEYS + "), "
                + "case_conference = ubcs_redact(case_conference, " + FORM_KEYS + "), "
                + "closure = ubcs_redact(closure, array['notes']), personal_data_removed_on = :today, "
                + "updated_at = now(), version = version + 1 where id in (:ids) and personal_data_removed_on is null "
                + "returning id", UUID.class).setParameter("marker", MARKER).setParameter("today", today)
                .setParameter("ids", caseIds).getResultList())
                .flatMap(removed -> removed.isEmpty() ? Uni.createFrom().item(removed)
                        : update("update decision set reasons = :marker, "
                                + "agreed_actions = ubcs_redact(agreed_actions, array['details']) "
                                + "where case_id in (:ids)", removed)
                                .chain(() -> update("update evidence_entry set summary = :marker, officer = :marker "
                                        + "where case_id in (:ids)", removed))
                                .chain(() -> update("update restriction set " + RESTRICTION_TEXT
                                        + " where case_id in (:ids)", removed))
                                .chain(() -> update(APPEAL_TEXT + " where case_id in (:ids)", removed))
                                .chain(() -> update("update review set request_reasons = case when request_reasons "
                                        + "is null then null else :marker end, outcome = ubcs_redact(outcome, "
                                        + "array['reasons']), version = version + 1 where case_id in (:ids)",
                                        removed))
                                .chain(() -> update("update fresh_issue set summary = :marker where case_id in (:ids)",
                                        removed))
                                .chain(() -> update(READ_AND_FILE_TEXT + " where case_id in (:ids)", removed))
                                .chain(() -> update(LETTER_TEXT + " where case_id in (:ids)", removed))
                                .chain(() -> update("update notification set subject = :marker, body = :marker, "
                                        + "last_error = null where case_id in (:ids)", removed))
                                .replaceWith(removed));
    }

    private static final String RESTRICTION_TEXT = "terms = ubcs_redact(terms::jsonb, " + TERMS_KEYS + ")::text, "
            + "reasons = :marker, legal_basis = null, adjustments_override = null, "
            + "lifting_reasons = case when lifting_reasons is null then null else :marker end, "
            + "incident = case when incident is null then null else :marker end, "
            + "follow_up = ubcs_redact(follow_up, array['summary']), lock_version = lock_version + 1";

    private static final String LETTER_TEXT = "update letter set subject = :marker, html = :marker, "
            + "body_text = :marker, version = version + 1";

    private static final String APPEAL_TEXT = "update appeal set text = :marker, "
            + "late_acceptance = ubcs_redact(late_acceptance, array['reason']), "
            + "refusal = ubcs_redact(refusal, array['reason']), "
            + "withdrawal = ubcs_redact(withdrawal, array['reason']), "
            + "outcome = ubcs_redact(outcome, array['reasons']), version = version + 1";

    private static final String READ_AND_FILE_TEXT = "update read_and_file_item set "
            + "screening = ubcs_redact(screening, array['notes']), version = version + 1";

    /** A customer whose details were removed, and the case whose removal let them go. */
    public record RemovedCustomer(UUID customerId, UUID caseId) {
    }

    /**
     * Anonymises the customers of these cases unless something still needs their details: another case not yet
     * anonymised (open, or closed but within retention or held), a register entry about them whose content is kept,
     * or an emergency restriction not lifted. Returns the customers it anonymised.
     */
    public Uni<List<RemovedCustomer>> removeCustomerDataIfUnneeded(List<UUID> caseIds, LocalDate today) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "update customer c set full_name = :marker, name_key = :marker, email = null, email_key = null, "
                        + "phone = null, address_line1 = null, address_line2 = null, town = null, postcode = null, "
                        + "postcode_key = null, preferred_channel = null, communication_needs = '{}', "
                        + "reasonable_adjustments = null, advocate_name = null, advocate_organisation = null, "
                        + "advocate_email = null, advocate_phone = null, personal_data_removed_on = :today, "
                        + "updated_at = now(), version = c.version + 1 "
                        + "from (select distinct on (customer_id) customer_id, id from policy_case "
                        + "where id in (:ids) order by customer_id, id) k "
                        + "where c.id = k.customer_id and c.personal_data_removed_on is null "
                        + "and not exists (select 1 from policy_case o where o.customer_id = c.id "
                        + "and o.personal_data_removed_on is null) "
                        + "and not exists (select 1 from register_entry e where (e.about_customer_id = c.id "
                        + "or e.customer_id = c.id) and e.content_erased_on is null) "
                        + "and not exists (select 1 from restriction r where r.customer_id = c.id "
                        + "and r.case_id is null and not r.lifted) returning c.id, k.id", Object[].class)
                .setParameter("marker", MARKER).setParameter("today", today).setParameter("ids", caseIds)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new RemovedCustomer((UUID) row[0], (UUID) row[1])).toList())
                .call(removed -> removed.isEmpty() ? Uni.createFrom().voidItem()
                        : removeCustomerLevelData(removed.stream().map(RemovedCustomer::customerId).toList()));
    }

    /** What belongs to the customers rather than to a case: emergency restrictions, their letters and items. */
    private Uni<Void> removeCustomerLevelData(List<UUID> customerIds) {
        return update("update restriction set " + RESTRICTION_TEXT + " where customer_id in (:ids) "
                + "and case_id is null", customerIds)
                .chain(() -> update(LETTER_TEXT + " where customer_id in (:ids) and case_id is null "
                        + "and register_entry_id is null", customerIds))
                .chain(() -> update(READ_AND_FILE_TEXT + " where customer_id in (:ids) and case_id is null",
                        customerIds))
                .replaceWithVoid();
    }

    /**
     * Removed register entries at this risk level removed on or before {@code removedBy} whose content is not yet
     * erased (the level is the latest version's), oldest removal first. Indexed by {@code register_entry_erasure_due}.
     */
    public Uni<List<UUID>> registerEntriesDue(String riskLevel, LocalDate removedBy, int limit, List<UUID> skip) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select e.id from register_entry e where e.state = 'REMOVED' and e.content_erased_on is null "
                        + "and ubcs_json_date(e.removal -> 'removedOn') <= :removedBy and e.id not in (:skip) "
                        + "and (select v.content ->> 'riskLevel' from register_entry_version v where v.entry_id = e.id "
                        + "order by v.number desc limit 1) = :level "
                        + "order by ubcs_json_date(e.removal -> 'removedOn'), e.id",
                UUID.class).setParameter("removedBy", removedBy).setParameter("level", riskLevel)
                .setParameter("skip", skip).setMaxResults(limit).getResultList());
    }

    /** Free-text and identifying keys of a register entry's content (the date of birth is dropped). */
    private static final String REGISTER_KEYS = "array['fullName','connection','line1','line2','town','postcode',"
            + "'uprn','whatHappened','witnessedBy','source','note','arrangements']";

    /**
     * Erases the content of these removed register entries: every version's content (the property, an address, goes
     * whole: its postcode and UPRN have no neutral form), the lookup keys, the telling and removal notes, their
     * letters, their appeals' text and their reviews' reasons. Returns the ids it erased (not those already erased).
     */
    public Uni<List<UUID>> eraseRegisterContent(List<UUID> entryIds, LocalDate today) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("update register_entry set "
                + "name_key = null, date_of_birth = null, postcode_key = null, address_key = null, uprn = null, "
                + "lookup = null, telling = ubcs_redact(telling, array['note']), "
                + "removal = ubcs_redact(removal, array['notes']), content_erased_on = :today, updated_at = now(), "
                + "version = version + 1 where id in (:ids) and content_erased_on is null returning id", UUID.class)
                .setParameter("today", today).setParameter("ids", entryIds).getResultList())
                .flatMap(erased -> erased.isEmpty() ? Uni.createFrom().item(erased)
                        : update("update register_entry_version set content = ubcs_redact((content - 'property') #- "
                                + "'{person,dateOfBirth}', " + REGISTER_KEYS + ") where entry_id in (:ids)", erased)
                                .chain(() -> update(LETTER_TEXT + " where register_entry_id in (:ids)", erased))
                                .chain(() -> update(APPEAL_TEXT + " where register_entry_id in (:ids)", erased))
                                .chain(() -> update("update register_review set outcome = ubcs_redact(outcome, "
                                        + "array['reasons']), version = version + 1 where entry_id in (:ids)", erased))
                                .replaceWith(erased));
    }

    /**
     * Deletes up to {@code limit} idempotency records made before {@code before}: they hold whole response bodies,
     * and a retry after so long is no retry. Returns how many.
     */
    public Uni<Integer> deleteIdempotencyRecordsBefore(Instant before, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "delete from idempotency_record where id in (select id from idempotency_record "
                        + "where created_at < :before order by created_at limit :limit)")
                .setParameter("before", before).setParameter("limit", limit).executeUpdate());
    }

    /**
     * Deletes up to {@code limit} audit events that occurred before {@code before}, oldest first. Returns the ids
     * deleted, newest first.
     */
    public Uni<List<UUID>> pruneAuditEventsBefore(Instant before, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "with pruned as (delete from audit_event where id in (select id from audit_event "
                        + "where occurred_at < :before order by occurred_at, id limit :limit) "
                        + "returning id, occurred_at) select id from pruned order by occurred_at desc, id desc",
                UUID.class).setParameter("before", before).setParameter("limit", limit).getResultList());
    }

    /** An update of the rows {@code :ids} names, with {@code :marker} bound when the statement uses it. */
    private static Uni<Integer> update(String sql, List<UUID> ids) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql).setParameter("ids", ids);
            if (sql.contains(":marker")) {
                query.setParameter("marker", MARKER);
            }
            return query.executeUpdate();
        });
    }
}
