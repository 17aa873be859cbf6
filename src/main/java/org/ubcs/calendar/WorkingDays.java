package org.ubcs.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.policy.ActivePolicy;

/**
 * Working days in the active policy's part of the UK: not a Saturday, Sunday or public holiday. Deadlines count the
 * first working day after the starting date as day 1, as a letter dated on a day gives the customer the days after it.
 */
@ApplicationScoped
public class WorkingDays {

    @Inject
    PublicHolidays holidays;

    @Inject
    ActivePolicy policy;

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !holidays.of(policy.profile().holidayRegion(), date.getYear()).containsKey(date);
    }

    /** The n-th working day after {@code from} (n ≥ 0; n = 0 is {@code from} itself). */
    public LocalDate plus(LocalDate from, int n) {
        LocalDate date = from;
        for (int counted = 0; counted < n;) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
