package org.ubcs.calendar.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.CalendarApi;
import org.ubcs.api.model.Actor;
import org.ubcs.api.model.CalendarDay;
import org.ubcs.api.model.CalendarOverride;
import org.ubcs.api.model.CalendarOverrideInput;
import org.ubcs.api.model.CalendarOverrideList;
import org.ubcs.api.model.Deadline;
import org.ubcs.api.model.Holiday;
import org.ubcs.api.model.HolidayList;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.HolidaySource;
import org.ubcs.api.model.NonWorkingDay;
import org.ubcs.api.model.OverrideKind;
import org.ubcs.api.model.WorkingDayCount;
import org.ubcs.time.LondonClock;
import org.ubcs.calendar.domain.CalendarOverrideEntity;
import org.ubcs.calendar.service.CalendarService;
import org.ubcs.idempotency.IdempotencyService;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.web.Responses;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CalendarResource implements CalendarApi {

    @Inject
    CalendarService service;

    @Inject
    IdempotencyService idempotency;

    @Inject
    CurrentUser user;

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.AUDITOR, Roles.FIELD_OFFICER })
    public Uni<Response> getCalendarDay(LocalDate date, HolidayRegion region) {
        service.requireSupported("date", date);
        HolidayRegion in = service.regionOrDefault(region);
        return service.read(in).map(calendar -> {
            CalendarDay day = new CalendarDay(date, in, calendar.isWorkingDay(date));
            calendar.nonWorkingReason(date).ifPresent(day::setReason);
            return Response.ok(day).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.AUDITOR, Roles.FIELD_OFFICER })
    public Uni<Response> computeDeadline(Integer workingDays, LocalDate from, OffsetDateTime at, HolidayRegion region) {
        if ((from == null) == (at == null)) {
            throw ProblemException.invalid(List.of(FieldError.parameter("from", "give either from or at")));
        }
        LocalDate start = from != null ? from : LocalDate.ofInstant(at.toInstant(), LondonClock.LONDON);
        service.requireSupported(from != null ? "from" : "at", start);
        HolidayRegion in = service.regionOrDefault(region);
        return service.read(in).map(calendar -> {
            LocalDate deadline = calendar.plus(start, workingDays);
            service.requireSupported("workingDays", deadline);
            List<NonWorkingDay> skipped = new ArrayList<>();
            for (LocalDate day = start.plusDays(1); day.isBefore(deadline); day = day.plusDays(1)) {
                LocalDate current = day;
                calendar.nonWorkingReason(day).ifPresent(reason -> skipped.add(new NonWorkingDay(current, reason)));
            }
            return Response.ok(new Deadline(start, workingDays, in, deadline, skipped)).build();
        });
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.AUDITOR, Roles.FIELD_OFFICER })
    public Uni<Response> countWorkingDays(LocalDate from, LocalDate to, HolidayRegion region) {
        service.requireSupported("from", from);
        service.requireSupported("to", to);
        if (to.isBefore(from)) {
            throw ProblemException.invalid(List.of(FieldError.parameter("to", "must not be before from")));
        }
        HolidayRegion in = service.regionOrDefault(region);
        return service.read(in)
                .map(calendar -> Response.ok(new WorkingDayCount(from, to, in, calendar.between(from, to))).build());
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.AUDITOR, Roles.FIELD_OFFICER })
    public Uni<Response> listHolidays(Integer year, HolidayRegion region) {
        service.requireSupported("year", LocalDate.of(year, 1, 1));
        HolidayRegion in = service.regionOrDefault(region);
        return service.read(in).flatMap(calendar -> service.overrides().map(overrides -> {
            List<Holiday> holidays = new ArrayList<>();
            calendar.holidays(year).forEach((date, name) -> holidays.add(new Holiday(date, name,
                    overrides.stream().anyMatch(o -> o.region == in && o.date.equals(date)
                            && o.kind == OverrideKind.ADD_HOLIDAY) ? HolidaySource.ADDED
                                    : HolidaySource.PUBLIC_HOLIDAY)));
            return Response.ok(new HolidayList(year, in, holidays)).build();
        }));
    }

    @Override
    @RolesAllowed({ Roles.COMPLAINTS_OFFICER, Roles.DECISION_MAKER, Roles.APPEAL_REVIEWER, Roles.POLICY_OWNER,
            Roles.CONTACT_CENTRE, Roles.LEGAL, Roles.AUDITOR, Roles.FIELD_OFFICER })
    public Uni<Response> listCalendarOverrides() {
        return service.overrides().map(list -> Response
                .ok(new CalendarOverrideList(list.stream().map(o -> toApi(o, null)).toList())).build());
    }

    @Override
    @RolesAllowed(Roles.POLICY_OWNER)
    public Uni<Response> addCalendarOverride(CalendarOverrideInput input, String idempotencyKey) {
        var actor = user.actor();
        return idempotency.once("addCalendarOverride", actor, idempotencyKey, input,
                () -> service.addOverride(actor, input.getRegion(), input.getDate(), input.getKind(), input.getName())
                        .map(added -> idempotency.created("/calendar/overrides/" + added.getKey().id, null,
                                toApi(added.getKey(), added.getValue()))))
                .map(Responses::created);
    }

    @Override
    @RolesAllowed(Roles.POLICY_OWNER)
    public Uni<Response> removeCalendarOverride(UUID overrideId) {
        return service.removeOverride(user.actor(), overrideId).map(count -> Response.noContent().build());
    }

    private static CalendarOverride toApi(CalendarOverrideEntity o, Integer recomputed) {
        CalendarOverride api = new CalendarOverride(o.id, o.region, o.date, o.kind, o.name,
                new Actor(o.createdBySubject, o.createdByName), o.createdAt.atOffset(ZoneOffset.UTC));
        api.setAppealsRecomputed(recomputed);
        return api;
    }
}
