package org.ubcs.appeal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.AppealOutcome;
import org.ubcs.api.model.AppealState;
import org.ubcs.api.model.Channel;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An appeal against a decision (by the case's customer), or against an entry on the register (by the person it is
 * about, who may not be a customer: then there is no case or customer). Its deadlines are working-day deadlines kept
 * as dates, recomputed when the calendar changes while the appeal is open.
 */
@Entity
@Table(name = "appeal")
public class AppealEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID decisionId;
    public UUID registerEntryId;
    public UUID caseId;
    public UUID customerId;
    public LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String[] grounds;
    public String text;
    @Enumerated(EnumType.STRING)
    public AppealState state;
    public boolean late;
    /**
     * The lodging deadline counts from this date: when the customer was told of the decision, or the person of the
     * register entry (the day the appeal was received if they were never told, so it cannot be late).
     */
    public LocalDate decisionToldOn;
    public LocalDate appealBy;
    public LocalDate decisionDueOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public StepRecord lateAcceptance;
    @JdbcTypeCode(SqlTypes.JSON)
    public StepRecord refusal;
    @JdbcTypeCode(SqlTypes.JSON)
    public StepRecord withdrawal;
    @JdbcTypeCode(SqlTypes.JSON)
    public Outcome outcome;
    /** When the policy owner was told the decision is overdue. */
    public LocalDate overdueFlaggedOn;
    public String lodgedBySubject;
    public String lodgedByName;
    public Instant lodgedAt;
    @Version
    public long version;

    /** A reviewer's or officer's step: acceptance of a late appeal, refusal as out of time, withdrawal. */
    public record StepRecord(String reason, LocalDate customerToldOn, Actor recordedBy, Instant recordedAt) {
    }

    public record Outcome(AppealOutcome outcome, String reasons, LocalDate customerToldOn, Actor decidedBy,
            Instant decidedAt, List<UUID> restrictionsLifted) {
    }

    public boolean live() {
        return state == AppealState.LATE || state == AppealState.LODGED;
    }

    public boolean decisionOverdueOn(LocalDate today) {
        return state == AppealState.LODGED && decisionDueOn != null && decisionDueOn.isBefore(today);
    }

    /**
     * Whether its outcome was decided late: on a day (in London) after {@code decisionDueOn}, the day the outcome was
     * due (the profile's working days from receipt), as {@link #decisionOverdueOn} would have flagged it that day.
     */
    public boolean decidedLate() {
        return outcome != null && decisionDueOn != null
                && decisionDueOn.isBefore(LocalDate.ofInstant(outcome.decidedAt(), LondonClock.LONDON));
    }
}
