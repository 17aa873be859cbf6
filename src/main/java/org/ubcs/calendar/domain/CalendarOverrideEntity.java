package org.ubcs.calendar.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.OverrideKind;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A holiday added by proclamation, or a day removed from the published list, in one part of the UK. */
@Entity
@Table(name = "calendar_override")
public class CalendarOverrideEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public HolidayRegion region;
    public LocalDate date;
    @Enumerated(EnumType.STRING)
    public OverrideKind kind;
    public String name;
    public String createdBySubject;
    public String createdByName;
    public Instant createdAt;
}
