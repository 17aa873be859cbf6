package org.ubcs.calendar.service;

import org.ubcs.api.model.HolidayRegion;
import org.ubcs.calendar.WorkingDayCalendar;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * Told, in the same transaction, when the policy owner changes a region's calendar, so deadlines computed from it can
 * follow. Capabilities that keep deadlines implement it; the calendar knows none of them.
 */
public interface CalendarListener {

    /** Recomputes what depends on the calendar; returns how many records changed. */
    Uni<Integer> calendarChanged(Actor actor, HolidayRegion region, WorkingDayCalendar calendar);
}
