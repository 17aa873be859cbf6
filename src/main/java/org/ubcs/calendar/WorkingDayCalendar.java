package org.ubcs.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Working days of one part of the UK: not a Saturday or Sunday, not a public holiday (substitute days included), with
 * the holidays added by proclamation and the days removed from the list applied on top. Pure arithmetic, no I/O.
 * <p>
 * Counting rule, as for a letter: day 1 of a period is the first working day <em>after</em> the starting date, so
 * {@code plus(from, n)} is the n-th working day after {@code from}, and {@code between(from, plus(from, n)) == n}.
 */
public final class WorkingDayCalendar {

    private final IntFunction<Map<LocalDate, String>> statutory;
    private final Map<LocalDate, String> added;
    private final Map<LocalDate, String> removed;

    /**
     * @param statutory the public holidays of a year (day off → name), as published for the region
     * @param added days that are holidays too (a proclaimed bank holiday), with their names
     * @param removed days that are not holidays after all, with the reason
     */
    public WorkingDayCalendar(IntFunction<Map<LocalDate, String>> statutory, Map<LocalDate, String> added,
            Map<LocalDate, String> removed) {
        this.statutory = statutory;
        this.added = Map.copyOf(added);
        this.removed = Map.copyOf(removed);
    }

    /** Why a day is not a working day, or empty when it is one. */
    public Optional<String> nonWorkingReason(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            return Optional.of("Saturday");
        }
        if (day == DayOfWeek.SUNDAY) {
            return Optional.of("Sunday");
        }
        return Optional.ofNullable(holidays(date.getYear()).get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        return nonWorkingReason(date).isEmpty();
    }

    /** The n-th working day after {@code from}; {@code from} itself when n is 0. */
    public LocalDate plus(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate date = from;
        for (int counted = 0; counted < n;) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** The number of working days after {@code from} up to and including {@code to} (0 when to is not after from). */
    public int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The public holidays of a year, by date, with overrides applied. */
    public Map<LocalDate, String> holidays(int year) {
        Map<LocalDate, String> holidays = new TreeMap<>(statutory.apply(year));
        added.forEach((date, name) -> {
            if (date.getYear() == year) {
                holidays.merge(date, name, (a, b) -> a + " / " + b);
            }
        });
        removed.keySet().forEach(holidays::remove);
        return holidays;
    }
}
