package org.ubcs.register.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.RegisterReviewResult;
import org.ubcs.api.model.RegisterReviewState;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An annual review of a register entry: opened the profile's lead time before the entry's review date, for the
 * approver of the version then in force, and closed by its outcome (or cancelled when the entry goes).
 */
@Entity
@Table(name = "register_review")
public class RegisterReviewEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID entryId;
    public LocalDate dueOn;
    public LocalDate opensOn;
    @Enumerated(EnumType.STRING)
    public RegisterReviewState state;
    public String reviewerSubject;
    public String reviewerName;
    @JdbcTypeCode(SqlTypes.JSON)
    public Outcome outcome;
    /** When the policy owner was told the review is overdue: they are told once. */
    public LocalDate overdueFlaggedOn;
    public Instant createdAt;
    @Version
    public long version;

    public record Outcome(RegisterReviewResult result, String reasons, Actor reviewedBy, Instant reviewedAt) {
    }

    public boolean open() {
        return state == RegisterReviewState.OPEN;
    }

    public boolean overdueOn(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }

    /**
     * The latest review date whose task opens by {@code today}: a task opens {@code leadTime} before its date. Month
     * arithmetic clamps to the month's end (31 March less a month is 28 February), so several dates share one
     * opening day; stepping forward from {@code today + leadTime} finds the last of them, so none opens late.
     */
    public static LocalDate latestDueOpenBy(LocalDate today, Period leadTime) {
        LocalDate due = today.plus(leadTime);
        while (!due.plusDays(1).minus(leadTime).isAfter(today)) {
            due = due.plusDays(1);
        }
        return due;
    }
}
