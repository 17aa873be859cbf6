package org.ubcs.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

import org.ubcs.api.model.HolidayRegion;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.Dates;

/**
 * Laws of the working-day arithmetic, for random letters dated 2020–2035, random periods of 0 to 60 working days and
 * each part of the UK, on the real holidays.
 */
class WorkingDayCalendarPropertiesTest {

    private static final int TRIES = 500;

    private static final PublicHolidays PUBLIC_HOLIDAYS = new PublicHolidays();
    private static final Map<HolidayRegion, WorkingDayCalendar> CALENDARS = new EnumMap<>(HolidayRegion.class);

    static {
        for (HolidayRegion region : HolidayRegion.values()) {
            CALENDARS.put(region, calendar(region, Map.of()));
        }
    }

    private static WorkingDayCalendar calendar(HolidayRegion region, Map<LocalDate, String> added) {
        return new WorkingDayCalendar(year -> PUBLIC_HOLIDAYS.of(region, year), added, Map.of());
    }

    @Provide
    Arbitrary<LocalDate> letters() {
        return Dates.dates().between(LocalDate.of(2020, 1, 1), LocalDate.of(2035, 12, 31));
    }

    @Property(tries = TRIES)
    void betweenUndoesPlus(@ForAll("letters") LocalDate from, @ForAll @IntRange(max = 60) int n,
            @ForAll HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        assertEquals(n, calendar.between(from, calendar.plus(from, n)));
    }

    @Property(tries = TRIES)
    void theDeadlineIsAWorkingDay(@ForAll("letters") LocalDate from, @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        LocalDate deadline = calendar.plus(from, n);
        assertTrue(calendar.isWorkingDay(deadline), deadline + " " + calendar.nonWorkingReason(deadline));
    }

    @Property(tries = TRIES)
    void plusIsStrictlyIncreasingInN(@ForAll("letters") LocalDate from, @ForAll @IntRange(max = 60) int n,
            @ForAll @IntRange(max = 60) int m, @ForAll HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        LocalDate atN = calendar.plus(from, n);
        LocalDate atM = calendar.plus(from, m);
        assertEquals(Integer.signum(Integer.compare(n, m)), Integer.signum(atN.compareTo(atM)),
                "plus(" + from + ", " + n + ") = " + atN + ", plus(" + from + ", " + m + ") = " + atM);
    }

    @Property(tries = TRIES)
    void theNextDeadlineIsTheFirstWorkingDayAfterThePrevious(@ForAll("letters") LocalDate from,
            @ForAll @IntRange(max = 60) int n, @ForAll HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        LocalDate atN = calendar.plus(from, n);
        LocalDate next = atN.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        assertEquals(next, calendar.plus(from, n + 1));
        // and it is also one more working day after the deadline before it
        assertEquals(calendar.plus(atN, 1), calendar.plus(from, n + 1));
    }

    /**
     * Bounds on the calendar length of a period of n working days.
     * <p>
     * Lower: each working day counted is a distinct day after {@code from}, so at least n calendar days.
     * <p>
     * Upper: of any k consecutive days, at least (5k - 10) / 7 are Monday to Friday (k = 7q + r holds 5q weekdays plus
     * at least max(0, r - 2) more; the worst case is r = 2, a lone weekend). With k = n*7/5 + 14 (integer division,
     * so k ≥ (7n - 4) / 5 + 14), 5k ≥ 7n + 66, so the k days after {@code from} hold at least n + 8 weekdays. The
     * n-th working day is therefore within them unless more than 8 public holidays fall on weekdays in a window of at
     * most 60*7/5 + 14 = 98 days. No part of the UK comes close: the densest 98 days have 6 (e.g. Northern Ireland,
     * 17 March to 3 June 2022: St Patrick's, Good Friday, Easter Monday, early May, spring, Platinum Jubilee; or
     * Scotland's St Andrew's Day, Christmas, Boxing Day, 1 and 2 January).
     */
    @Property(tries = TRIES)
    void aPeriodOfNWorkingDaysLastsBetweenNAndRoughlySevenFifthsNCalendarDays(@ForAll("letters") LocalDate from,
            @ForAll @IntRange(max = 60) int n, @ForAll HolidayRegion region) {
        long days = ChronoUnit.DAYS.between(from, CALENDARS.get(region).plus(from, n));
        assertTrue(days >= n, days + " calendar days for " + n + " working days");
        assertTrue(days <= n * 7 / 5 + 14, days + " calendar days for " + n + " working days");
    }

    @Property(tries = TRIES)
    void anAddedHolidayNeverMovesTheDeadlineEarlierNorByMoreThanOneWorkingDay(@ForAll("letters") LocalDate from,
            @ForAll @IntRange(max = 60) int n, @ForAll @IntRange(max = 100) int offset,
            @ForAll HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        LocalDate proclaimed = from.plusDays(offset);
        WorkingDayCalendar withProclaimed = calendar(region, Map.of(proclaimed, "Proclaimed bank holiday"));

        LocalDate before = calendar.plus(from, n);
        LocalDate after = withProclaimed.plus(from, n);
        assertFalse(after.isBefore(before), "moved earlier: " + before + " → " + after);
        // it moves only when the added day is a working day inside (from, deadline], and then by one working day
        boolean inside = proclaimed.isAfter(from) && !proclaimed.isAfter(before) && calendar.isWorkingDay(proclaimed);
        if (inside) {
            assertEquals(calendar.plus(from, n + 1), after, "added " + proclaimed + " inside the period");
        } else {
            assertEquals(before, after, "added " + proclaimed + " outside the period");
        }
    }
}
