package org.ubcs.readandfile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.ubcs.api.model.Channel;
import org.ubcs.api.model.ScreeningOutcome;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Correspondence filed under a matter-closed restriction: it still has to be read, by a named officer, in time. */
@Entity
@Table(name = "read_and_file_item")
public class ReadAndFileItemEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID customerId;
    public UUID caseId;
    public UUID restrictionId;
    public UUID contactId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public Instant receivedAt;
    public LocalDate dueOn;
    public boolean screened;
    @JdbcTypeCode(SqlTypes.JSON)
    public Screening screening;
    /** When the policy owner was told the screening is overdue. */
    public LocalDate overdueFlaggedOn;
    @Version
    public long version;

    public record Screening(ScreeningOutcome outcome, String notes, Actor screenedBy, Instant screenedAt) {
    }

    public boolean overdueOn(LocalDate today) {
        return !screened && dueOn.isBefore(today);
    }
}
