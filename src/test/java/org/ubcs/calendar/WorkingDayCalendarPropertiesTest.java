package org.ubcs.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubcs.support.Seeded.between;
import static org.ubcs.support.Seeded.oneOf;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.support.Seeded;

/**
 * Laws of the working-day arithmetic, for random letters dated 2020–2035, random periods of 0 to 60 working days and
 * each part of the UK, on the real holidays.
 * <p>
 * Each law is checked on {@link #CASES} cases drawn by {@link Seeded} from its own fixed seed, so every run checks the
 * same cases; a failing case's name holds all its arguments, which is enough to replay it.
 */
@ExtendWith(Seeded.NameFailingCases.class)
class WorkingDayCalendarPropertiesTest {

    private static final int CASES = 500;

    private static final long BETWEEN_UNDOES_PLUS_SEED = 0x5EED_0001L;
    private static final long DEADLINE_IS_A_WORKING_DAY_SEED = 0x5EED_0002L;
    private static final long PLUS_IS_STRICTLY_INCREASING_SEED = 0x5EED_0003L;
    private static final long NEXT_DEADLINE_SEED = 0x5EED_0004L;
    private static final long CALENDAR_LENGTH_SEED = 0x5EED_0005L;
    private static final long ADDED_HOLIDAY_SEED = 0x5EED_0006L;

    private static final LocalDate FIRST_LETTER = LocalDate.of(2020, 1, 1);
    private static final LocalDate LAST_LETTER = LocalDate.of(2035, 12, 31);

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

    /** A letter dated 2020–2035. */
    private static LocalDate letter(Random random) {
        return between(random, FIRST_LETTER, LAST_LETTER);
    }

    private static HolidayRegion region(Random random) {
        return oneOf(random, HolidayRegion.values());
    }

    /** A letter, a period of 0 to 60 working days, a region. */
    private static Stream<Arguments> lettersPeriodsAndRegions(long seed) {
        return Seeded.cases(seed, CASES, random -> new Object[] {
                letter(random), between(random, 0, 60), region(random) });
    }

    static Stream<Arguments> betweenUndoesPlus() {
        return lettersPeriodsAndRegions(BETWEEN_UNDOES_PLUS_SEED);
    }

    @ParameterizedTest(name = "[{index}] from={0}, n={1}, region={2}")
    @MethodSource
    void betweenUndoesPlus(LocalDate from, int n, HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        assertEquals(n, calendar.between(from, calendar.plus(from, n)));
    }

    static Stream<Arguments> theDeadlineIsAWorkingDay() {
        return Seeded.cases(DEADLINE_IS_A_WORKING_DAY_SEED, CASES, random -> new Object[] {
                letter(random), between(random, 1, 60), region(random) });
    }

    @ParameterizedTest(name = "[{index}] from={0}, n={1}, region={2}")
    @MethodSource
    void theDeadlineIsAWorkingDay(LocalDate from, int n, HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        LocalDate deadline = calendar.plus(from, n);
        assertTrue(calendar.isWorkingDay(deadline), deadline + " " + calendar.nonWorkingReason(deadline));
    }

    static Stream<Arguments> plusIsStrictlyIncreasingInN() {
        return Seeded.cases(PLUS_IS_STRICTLY_INCREASING_SEED, CASES, random -> new Object[] {
                letter(random), between(random, 0, 60), between(random, 0, 60), region(random) });
    }

    @ParameterizedTest(name = "[{index}] from={0}, n={1}, m={2}, region={3}")
    @MethodSource
    void plusIsStrictlyIncreasingInN(LocalDate from, int n, int m, HolidayRegion region) {
        WorkingDayCalendar calendar = CALENDARS.get(region);
        LocalDate atN = calendar.plus(from, n);
        LocalDate atM = calendar.plus(from, m);
        assertEquals(Integer.signum(Integer.compare(n, m)), Integer.signum(atN.compareTo(atM)),
                "plus(" + from + ", " + n + ") = " + atN + ", plus(" + from + ", " + m + ") = " + atM);
    }

    static Stream<Arguments> theNextDeadlineIsTheFirstWorkingDayAfterThePrevious() {
        return lettersPeriodsAndRegions(NEXT_DEADLINE_SEED);
    }

    @ParameterizedTest(name = "[{index}] from={0}, n={1}, region={2}")
    @MethodSource
    void theNextDeadlineIsTheFirstWorkingDayAfterThePrevious(LocalDate from, int n, HolidayRegion region) {
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

    static Stream<Arguments> aPeriodOfNWorkingDaysLastsBetweenNAndRoughlySevenFifthsNCalendarDays() {
        return lettersPeriodsAndRegions(CALENDAR_LENGTH_SEED);
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
    @ParameterizedTest(name = "[{index}] from={0}, n={1}, region={2}")
    @MethodSource
    void aPeriodOfNWorkingDaysLastsBetweenNAndRoughlySevenFifthsNCalendarDays(LocalDate from, int n,
            HolidayRegion region) {
        long days = ChronoUnit.DAYS.between(from, CALENDARS.get(region).plus(from, n));
        assertTrue(days >= n, days + " calendar days for " + n + " working days");
        assertTrue(days <= n * 7 / 5 + 14, days + " calendar days for " + n + " working days");
    }

    static Stream<Arguments> anAddedHolidayNeverMovesTheDeadlineEarlierNorByMoreThanOneWorkingDay() {
        return Seeded.cases(ADDED_HOLIDAY_SEED, CASES, random -> new Object[] {
                letter(random), between(random, 0, 60), between(random, 0, 100), region(random) });
    }

    @ParameterizedTest(name = "[{index}] from={0}, n={1}, offset={2}, region={3}")
    @MethodSource
    void anAddedHolidayNeverMovesTheDeadlineEarlierNorByMoreThanOneWorkingDay(LocalDate from, int n, int offset,
            HolidayRegion region) {
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
