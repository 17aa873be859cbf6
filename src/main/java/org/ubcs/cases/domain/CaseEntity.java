package org.ubcs.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.Classification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One application of the policy to one customer about one matter, with every step recorded so far. */
@Entity
@Table(name = "policy_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID customerId;
    public String matter;
    public String department;
    /** Classification names; a PostgreSQL array, so lists can filter on one. */
    public String[] classifications;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.Referral referral;
    public String referredBySubject;
    public String referredByName;
    /** The day it was referred (Form A's date): the first date of the procedure. */
    public LocalDate referredOn;
    public Instant referredAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.PriorWarning priorWarning;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.Preconditions preconditions;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.Assessment assessment;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.CaseConference caseConference;
    @JdbcTypeCode(SqlTypes.JSON)
    public CaseForms.Closure closure;
    /**
     * The day it was closed, the closure form's date as a column: SQL compares, orders and indexes it (the form's
     * JSON holds the date as Hibernate writes a LocalDate, an array). Written with {@link #closure}.
     */
    public LocalDate closedOn;
    /** When the policy is applied: the date the case is next reviewed. */
    public LocalDate nextReviewOn;
    /** The day the retention job removed the case's personal data; null while it is held. */
    public LocalDate personalDataRemovedOn;
    /*
     * The three read-with-the-case values below are plain sub-queries, not calls of SQL functions: PostgreSQL plans
     * them with the case's query (a function is planned on each call, which halved GET /cases/{id}). Hibernate
     * qualifies each unqualified column with the case's alias, so only id and next_review_on are unqualified: every
     * column of a sub-query is qualified by that sub-query's own alias. They give what ubcs_case_held_by,
     * ubcs_case_review_open and ubcs_case_reviews_opened (V12, V14) give.
     */
    /** What stops the removal now (comma-separated hold kinds in order), read with the case; null: nothing. */
    @Formula("nullif(array_to_string(array(select h.kind from case_hold h where h.case_id = id "
            + "and h.released_at is null union select 'OPEN_APPEAL' from appeal a where a.case_id = id "
            + "and a.state in ('LODGED', 'LATE') order by 1), ','), '')")
    public String removalHeldBy;
    /** Whether one of the case's review tasks is open (or escalated), read with the case. */
    @Formula("exists (select 1 from review r where r.case_id = id and r.state in ('OPEN', 'ESCALATED'))")
    public boolean reviewOpen;
    /** Which of its coming reviews already have a task (comma-separated review kinds; null: none), read with it. */
    @Formula("nullif(concat_ws(',', case when exists (select 1 from review s where s.case_id = id "
            + "and s.kind = 'SCHEDULED' and s.due_on = next_review_on) then 'SCHEDULED' end, "
            + "case when exists (select 1 from review t where t.case_id = id and t.kind = 'STATUS_REVIEW') "
            + "then 'STATUS_REVIEW' end), '')")
    public String reviewsOpened;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    public List<Classification> classificationList() {
        return Arrays.stream(classifications).map(Classification::valueOf).toList();
    }

    /** Whether a task for a review of this kind (the scheduled one: on the next review date) has been opened. */
    public boolean reviewOpened(String kind) {
        return reviewsOpened != null && Arrays.asList(reviewsOpened.split(",")).contains(kind);
    }

    public void classifications(List<Classification> values) {
        classifications = values.stream().map(Enum::name).toArray(String[]::new);
    }
}
