package org.ubcs.calendar.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ubcs.api.model.AuditEntityType;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.OverrideKind;
import org.ubcs.audit.service.AuditService;
import org.ubcs.time.LondonClock;
import org.ubcs.calendar.PublicHolidays;
import org.ubcs.calendar.WorkingDayCalendar;
import org.ubcs.calendar.domain.CalendarOverrideEntity;
import org.ubcs.calendar.repository.CalendarOverrideRepository;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The working-day calendar of a region: jollyday's public holidays with the policy owner's overrides, read from the
 * database each time so every replica sees an override at once.
 */
@ApplicationScoped
public class CalendarService {

    @Inject
    PublicHolidays holidays;

    @Inject
    CalendarOverrideRepository overrides;

    @Inject
    Instance<CalendarListener> listeners;

    @Inject
    AuditService audit;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    @ConfigProperty(name = "ubcs.calendar.first-year", defaultValue = "2010")
    int firstYear;

    @ConfigProperty(name = "ubcs.calendar.last-year", defaultValue = "2040")
    int lastYear;

    /** The region a request names, or the active policy's. */
    public HolidayRegion regionOrDefault(HolidayRegion region) {
        return region != null ? region : policy.profile().holidayRegion();
    }

    /** The active policy's calendar, within the caller's session. */
    public Uni<WorkingDayCalendar> current() {
        return calendar(policy.profile().holidayRegion());
    }

    public Uni<WorkingDayCalendar> calendar(HolidayRegion region) {
        return overrides.inRegion(region).map(list -> {
            Map<LocalDate, String> added = new HashMap<>();
            Map<LocalDate, String> removed = new HashMap<>();
            list.forEach(o -> (o.kind == OverrideKind.ADD_HOLIDAY ? added : removed).put(o.date, o.name));
            return new WorkingDayCalendar(year -> holidays.of(region, year), added, removed);
        });
    }

    @WithSession
    public Uni<WorkingDayCalendar> read(HolidayRegion region) {
        return calendar(region);
    }

    /** Refuses a date the calendar does not vouch for, naming the parameter. */
    public void requireSupported(String parameter, LocalDate date) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw ProblemException.invalid(List.of(FieldError.parameter(parameter,
                    "must be in the supported years " + firstYear + " to " + lastYear)));
        }
    }

    @WithSession
    public Uni<List<CalendarOverrideEntity>> overrides() {
        return overrides.all();
    }

    /** Adds an override and lets every listener recompute; returns the override and how many records changed. */
    @WithTransaction
    public Uni<Map.Entry<CalendarOverrideEntity, Integer>> addOverride(Actor actor, HolidayRegion region,
            LocalDate date, OverrideKind kind, String name) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw ProblemException.invalidField("/date",
                    "must be in the supported years " + firstYear + " to " + lastYear);
        }
        return calendar(region).flatMap(before -> overrides.inRegion(region).flatMap(existing -> {
            if (existing.stream().anyMatch(o -> o.date.equals(date))) {
                throw ProblemException.policyRule("DUPLICATE_OVERRIDE",
                        date + " is already overridden in " + region + "; remove that override first.");
            }
            if (kind == OverrideKind.REMOVE_HOLIDAY && !before.holidays(date.getYear()).containsKey(date)) {
                throw ProblemException.policyRule("NOT_A_HOLIDAY", date + " is not a holiday in " + region + ".");
            }
            CalendarOverrideEntity override = new CalendarOverrideEntity();
            override.id = UUID.randomUUID();
            override.region = region;
            override.date = date;
            override.kind = kind;
            override.name = name;
            override.createdBySubject = actor.subject();
            override.createdByName = actor.name();
            override.createdAt = clock.now();
            return overrides.persistAndFlush(override)
                    .call(() -> audit.record(actor, "CALENDAR_OVERRIDE_ADDED", AuditEntityType.CALENDAR_OVERRIDE,
                            override.id, null, List.of("region", "date", "kind", "name")))
                    .flatMap(saved -> recompute(actor, region)).map(count -> Map.entry(override, count));
        }));
    }

    @WithTransaction
    public Uni<Integer> removeOverride(Actor actor, UUID id) {
        return overrides.findById(id).flatMap(override -> {
            if (override == null) {
                throw ProblemException.notFound("No calendar override with this id.");
            }
            return overrides.delete(override).call(overrides::flush)
                    .call(() -> audit.record(actor, "CALENDAR_OVERRIDE_REMOVED", AuditEntityType.CALENDAR_OVERRIDE,
                            id, null, List.of("region", "date", "kind", "name")))
                    .flatMap(deleted -> recompute(actor, override.region));
        });
    }

    private Uni<Integer> recompute(Actor actor, HolidayRegion region) {
        return calendar(region).flatMap(calendar -> {
            Uni<Integer> total = Uni.createFrom().item(0);
            for (CalendarListener listener : listeners) {
                total = total.flatMap(sum -> listener.calendarChanged(actor, region, calendar).map(n -> sum + n));
            }
            return total;
        });
    }
}
