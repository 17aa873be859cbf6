package org.ubcs.calendar;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ubcs.api.model.HolidayRegion;

/**
 * Deadlines counted by hand, as a council officer would on a wall calendar. Day 1 is the first working day after the
 * letter; the 15-working-day appeal window of the domain is the main case. Each expectation has a one-line comment with
 * the count: the working days listed are the ones counted, holidays and weekends are skipped.
 */
class DeadlineTest {

    private static final PublicHolidays PUBLIC_HOLIDAYS = new PublicHolidays();

    private static final WorkingDayCalendar ENGLAND_AND_WALES = calendar(HolidayRegion.ENGLAND_AND_WALES);
    private static final WorkingDayCalendar SCOTLAND = calendar(HolidayRegion.SCOTLAND);
    private static final WorkingDayCalendar NORTHERN_IRELAND = calendar(HolidayRegion.NORTHERN_IRELAND);

    private static WorkingDayCalendar calendar(HolidayRegion region) {
        return calendar(region, Map.of(), Map.of());
    }

    private static WorkingDayCalendar calendar(HolidayRegion region, Map<LocalDate, String> added,
            Map<LocalDate, String> removed) {
        return new WorkingDayCalendar(year -> PUBLIC_HOLIDAYS.of(region, year), added, removed);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * {@code plus(from, n) == deadline}, and {@code between} agrees on the same interval: n working days up to the
     * deadline, n - 1 up to the day before it (the deadline itself is a working day).
     */
    private static void assertDeadline(WorkingDayCalendar calendar, String from, int n, String deadline) {
        LocalDate start = date(from);
        LocalDate end = date(deadline);
        String what = n + " working days after " + from + " (" + start.getDayOfWeek() + ")";
        assertAll(what,
                () -> assertEquals(end, calendar.plus(start, n), what),
                () -> assertEquals(n, calendar.between(start, end), "between(" + from + ", " + deadline + ")"),
                () -> assertEquals(n - 1, calendar.between(start, end.minusDays(1)),
                        "between(" + from + ", day before " + deadline + ")"),
                () -> assertTrue(calendar.isWorkingDay(end), deadline + " is a working day"));
    }

    // --- Christmas and New Year ------------------------------------------------------------------------------------

    @Test
    void appealWindowOverChristmas2026WithBoxingDaySubstitute() {
        // letter 2026-12-18 (Fri): 21,22,23,24, [25 Christmas, 28 Boxing Day subst.], 29,30,31 Dec (7),
        // [1 Jan], 4,5,6,7,8 (12), 11,12,13 Jan (15) → 15th is 2027-01-13 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2026-12-18", 15, "2027-01-13");
    }

    @Test
    void appealWindowOverChristmas2027WithBothDaysSubstituted() {
        // letter 2027-12-17 (Fri): 20,21,22,23,24 (5), [27, 28 Dec substitutes], 29,30,31 (8),
        // [Mon 3 Jan 2028 New Year subst., 1 Jan 2028 is a Saturday], 4,5,6,7 (12), 10,11,12 (15) → 2028-01-12 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2027-12-17", 15, "2028-01-12");
    }

    @Test
    void appealWindowOverChristmas2022WithChristmasAndNewYearOnASunday() {
        // letter 2022-12-16 (Fri): 19,20,21,22,23 (5), [26 Boxing Day, 27 Christmas subst.], 28,29,30 (8),
        // [Mon 2 Jan 2023 New Year subst.], 3,4,5,6 (12), 9,10,11 (15) → 2023-01-11 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2022-12-16", 15, "2023-01-11");
    }

    @Test
    void shortPeriodsAroundChristmas() {
        // letter 2026-12-24 (Thu): [25 Fri, 26-27 weekend, 28 Boxing Day subst.], 29 (1) → 2026-12-29 (Tue)
        assertDeadline(ENGLAND_AND_WALES, "2026-12-24", 1, "2026-12-29");
        // letter 2026-12-24 (Thu): 29,30,31 (3), [1 Jan], 4 Jan (4), 5 Jan (5) → 2027-01-05 (Tue)
        assertDeadline(ENGLAND_AND_WALES, "2026-12-24", 5, "2027-01-05");
        // letter 2027-12-24 (Fri): [25-26 weekend, 27, 28 substitutes], 29 (1) → 2027-12-29 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2027-12-24", 1, "2027-12-29");
    }

    // --- Easter ----------------------------------------------------------------------------------------------------

    @Test
    void appealWindowOverEaster2025() {
        // letter 2025-04-11 (Fri): 14,15,16,17 (4), [18 Good Friday, 21 Easter Monday], 22,23,24,25 (8),
        // 28,29,30 Apr, 1,2 May (13), [5 May early May], 6,7 May (15) → 2025-05-07 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2025-04-11", 15, "2025-05-07");
    }

    @Test
    void easterMondayIsAWorkingDayInScotland() {
        // letter 2025-04-11 (Fri), Scotland: 14,15,16,17 (4), [18 Good Friday], 21,22,23,24,25 (9),
        // 28,29,30 Apr, 1,2 May (14), [5 May early May], 6 May (15) → 2025-05-06 (Tue)
        assertDeadline(SCOTLAND, "2025-04-11", 15, "2025-05-06");
    }

    @Test
    void tenWorkingDaysOverEaster2026() {
        // letter 2026-03-27 (Fri): 30,31 Mar, 1,2 Apr (4), [3 Good Friday, 6 Easter Monday], 7,8,9,10 (8),
        // 13,14 (10) → 2026-04-14 (Tue)
        assertDeadline(ENGLAND_AND_WALES, "2026-03-27", 10, "2026-04-14");
    }

    // --- the August holiday ----------------------------------------------------------------------------------------

    @Test
    void appealWindowOverTheLastMondayInAugust() {
        // letter 2025-08-15 (Fri), England and Wales: 18..22 (5), [25 summer], 26,27,28,29 (9), 1..5 Sep (14),
        // 8 Sep (15) → 2025-09-08 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2025-08-15", 15, "2025-09-08");
        // same letter, Scotland (25 Aug is a working day): 18..22 (5), 25..29 (10), 1..5 Sep (15) → 2025-09-05 (Fri)
        assertDeadline(SCOTLAND, "2025-08-15", 15, "2025-09-05");
    }

    @Test
    void appealWindowOverTheFirstMondayInAugustInScotland() {
        // letter 2025-07-25 (Fri), Scotland: 28..31 Jul, 1 Aug (5), [4 Aug summer], 5..8 (9), 11..15 (14),
        // 18 Aug (15) → 2025-08-18 (Mon)
        assertDeadline(SCOTLAND, "2025-07-25", 15, "2025-08-18");
        // same letter, England and Wales (4 Aug is a working day): 28 Jul..1 Aug (5), 4..8 (10), 11..15 (15)
        // → 2025-08-15 (Fri)
        assertDeadline(ENGLAND_AND_WALES, "2025-07-25", 15, "2025-08-15");
    }

    // --- the one-off holidays of 2022 and 2023 --------------------------------------------------------------------

    @Test
    void appealWindowOverThePlatinumJubilee() {
        // letter 2022-05-27 (Fri): 30,31 May, 1 Jun (3), [2 Jun spring, 3 Jun Jubilee], 6..10 (8), 13..17 (13),
        // 20,21 (15) → 2022-06-21 (Tue)
        assertDeadline(ENGLAND_AND_WALES, "2022-05-27", 15, "2022-06-21");
    }

    @Test
    void appealWindowOverTheStateFuneral() {
        // letter 2022-09-09 (Fri): 12..16 (5), [19 State Funeral], 20..23 (9), 26..30 (14), 3 Oct (15)
        // → 2022-10-03 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2022-09-09", 15, "2022-10-03");
        // the funeral was a holiday in every part of the UK
        assertDeadline(SCOTLAND, "2022-09-09", 15, "2022-10-03");
        assertDeadline(NORTHERN_IRELAND, "2022-09-09", 15, "2022-10-03");
    }

    @Test
    void appealWindowOverTheCoronation() {
        // letter 2023-04-28 (Fri): [1 May early May], 2,3,4,5 (4), [8 May Coronation], 9..12 (8), 15..19 (13),
        // 22,23 (15) → 2023-05-23 (Tue)
        assertDeadline(ENGLAND_AND_WALES, "2023-04-28", 15, "2023-05-23");
    }

    // --- Scotland: 2 January and St Andrew's Day ------------------------------------------------------------------

    @Test
    void secondOfJanuaryInScotland() {
        // letter 2025-12-19 (Fri), Scotland: 22,23,24 (3), [25, 26], 29,30,31 (6), [1, 2 Jan], 5..9 (11),
        // 12..15 (15) → 2026-01-15 (Thu)
        assertDeadline(SCOTLAND, "2025-12-19", 15, "2026-01-15");
        // same letter, England and Wales (2 Jan is a working day): 22,23,24 (3), 29,30,31 (6), 2 Jan (7), 5..9 (12),
        // 12,13,14 (15) → 2026-01-14 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2025-12-19", 15, "2026-01-14");
    }

    @Test
    void secondOfJanuarySubstituteInScotland2027() {
        // letter 2026-12-18 (Fri), Scotland: 21..24 (4), [25, 28 Boxing Day subst.], 29,30,31 (7),
        // [1 Jan, Mon 4 Jan = 2 Jan subst.], 5..8 (11), 11..14 (15) → 2027-01-14 (Thu)
        assertDeadline(SCOTLAND, "2026-12-18", 15, "2027-01-14");
    }

    @Test
    void stAndrewsDayAndItsSubstitutes() {
        // letter 2025-11-21 (Fri), Scotland: 24..28 Nov (5), [Mon 1 Dec = St Andrew's subst., 30 Nov is a Sunday],
        // 2..5 (9), 8..12 (14), 15 Dec (15) → 2025-12-15 (Mon)
        assertDeadline(SCOTLAND, "2025-11-21", 15, "2025-12-15");
        // same letter, England and Wales: 24..28 Nov (5), 1..5 Dec (10), 8..12 (15) → 2025-12-12 (Fri)
        assertDeadline(ENGLAND_AND_WALES, "2025-11-21", 15, "2025-12-12");
        // letter 2024-11-27 (Wed), Scotland: 28,29 Nov (2), [Mon 2 Dec = subst., 30 Nov is a Saturday], 3,4,5 (5)
        // → 2024-12-05 (Thu)
        assertDeadline(SCOTLAND, "2024-11-27", 5, "2024-12-05");
        // letter 2026-11-27 (Fri), Scotland: [Mon 30 Nov St Andrew's Day], 1 Dec (1) → 2026-12-01 (Tue)
        assertDeadline(SCOTLAND, "2026-11-27", 1, "2026-12-01");
    }

    // --- Northern Ireland: 17 March and 12 July -------------------------------------------------------------------

    @Test
    void stPatricksDayInNorthernIreland() {
        // letter 2026-03-06 (Fri), NI: 9..13 (5), 16 (6), [17 Mar St Patrick's], 18,19,20 (9), 23..27 (14),
        // 30 Mar (15) → 2026-03-30 (Mon)
        assertDeadline(NORTHERN_IRELAND, "2026-03-06", 15, "2026-03-30");
        // same letter, England and Wales: 9..13 (5), 16..20 (10), 23..27 (15) → 2026-03-27 (Fri)
        assertDeadline(ENGLAND_AND_WALES, "2026-03-06", 15, "2026-03-27");
        // letter 2024-03-15 (Fri), NI: [Mon 18 Mar = subst., 17 Mar is a Sunday], 19,20,21 (3) → 2024-03-21 (Thu)
        assertDeadline(NORTHERN_IRELAND, "2024-03-15", 3, "2024-03-21");
    }

    @Test
    void battleOfTheBoyneInNorthernIreland() {
        // letter 2027-07-02 (Fri), NI: 5..9 (5), [Mon 12 Jul], 13..16 (9), 19..23 (14), 26 Jul (15) → 2027-07-26 (Mon)
        assertDeadline(NORTHERN_IRELAND, "2027-07-02", 15, "2027-07-26");
        // same letter, England and Wales: 5..9 (5), 12..16 (10), 19..23 (15) → 2027-07-23 (Fri)
        assertDeadline(ENGLAND_AND_WALES, "2027-07-02", 15, "2027-07-23");
        // letter 2025-07-04 (Fri), NI: 7..11 (5), [Mon 14 Jul = subst., 12 Jul is a Saturday], 15..18 (9),
        // 21..25 (14), 28 Jul (15) → 2025-07-28 (Mon)
        assertDeadline(NORTHERN_IRELAND, "2025-07-04", 15, "2025-07-28");
    }

    // --- starting dates and n ---------------------------------------------------------------------------------------

    @Test
    void letterDatedOnAWeekendOrHolidayCountsFromTheNextWorkingDay() {
        // letter 2026-01-03 (Sat): 5 Jan (1) → 2026-01-05 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2026-01-03", 1, "2026-01-05");
        // letter 2026-04-03 (Good Friday): [6 Easter Monday], 7 (1) → 2026-04-07 (Tue)
        assertDeadline(ENGLAND_AND_WALES, "2026-04-03", 1, "2026-04-07");
        // letter 2026-06-10 (Wed), no holiday: 11,12,15,16,17 (5) → 2026-06-17 (Wed)
        assertDeadline(ENGLAND_AND_WALES, "2026-06-10", 5, "2026-06-17");
    }

    @Test
    void zeroWorkingDaysIsTheStartingDateItself() {
        for (String from : new String[] { "2026-06-10", "2026-06-13", "2026-12-25" }) { // Wed, Sat, Christmas
            LocalDate start = date(from);
            assertEquals(start, ENGLAND_AND_WALES.plus(start, 0), from);
            assertEquals(0, ENGLAND_AND_WALES.between(start, start), from);
        }
    }

    @Test
    void betweenIsZeroWhenTheEndIsNotAfterTheStart() {
        assertEquals(0, ENGLAND_AND_WALES.between(date("2026-06-17"), date("2026-06-10")));
        assertEquals(0, ENGLAND_AND_WALES.between(date("2026-06-10"), date("2026-06-10")));
        // the next day is a Saturday: still 0
        assertEquals(0, ENGLAND_AND_WALES.between(date("2026-06-12"), date("2026-06-13")));
    }

    @Test
    void negativeNIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ENGLAND_AND_WALES.plus(date("2026-06-10"), -1));
        assertThrows(IllegalArgumentException.class,
                () -> ENGLAND_AND_WALES.plus(date("2026-06-10"), Integer.MIN_VALUE));
    }

    // --- isWorkingDay and nonWorkingReason --------------------------------------------------------------------------

    @Test
    void weekendsAreNotWorkingDays() {
        LocalDate saturday = date("2026-06-13");
        LocalDate sunday = date("2026-06-14");
        assertEquals(DayOfWeek.SATURDAY, saturday.getDayOfWeek());
        assertEquals(DayOfWeek.SUNDAY, sunday.getDayOfWeek());
        for (WorkingDayCalendar calendar : new WorkingDayCalendar[] { ENGLAND_AND_WALES, SCOTLAND,
                NORTHERN_IRELAND }) {
            assertFalse(calendar.isWorkingDay(saturday));
            assertFalse(calendar.isWorkingDay(sunday));
            assertEquals(Optional.of("Saturday"), calendar.nonWorkingReason(saturday));
            assertEquals(Optional.of("Sunday"), calendar.nonWorkingReason(sunday));
        }
        // a holiday at a weekend: the weekend is the reason (the day off is the substitute)
        assertEquals(Optional.of("Saturday"), ENGLAND_AND_WALES.nonWorkingReason(date("2027-12-25")));
        assertEquals(Optional.of("Sunday"), ENGLAND_AND_WALES.nonWorkingReason(date("2027-12-26")));
    }

    @Test
    void ordinaryWeekdaysAreWorkingDays() {
        for (String day : new String[] { "2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12" }) {
            assertTrue(ENGLAND_AND_WALES.isWorkingDay(date(day)), day);
            assertEquals(Optional.empty(), ENGLAND_AND_WALES.nonWorkingReason(date(day)), day);
        }
    }

    @Test
    void namedHolidaysGiveTheirNameAsTheReason() {
        assertAll(
                () -> assertReason(ENGLAND_AND_WALES, "2026-12-25", "christmas"),
                () -> assertReason(ENGLAND_AND_WALES, "2026-12-28", "boxing"), // substitute for Sat 26 Dec
                () -> assertReason(ENGLAND_AND_WALES, "2026-04-03", "good friday"),
                () -> assertReason(ENGLAND_AND_WALES, "2026-04-06", "easter monday"),
                () -> assertReason(ENGLAND_AND_WALES, "2022-06-03", "jubilee"),
                () -> assertReason(ENGLAND_AND_WALES, "2022-09-19", "funeral"),
                () -> assertReason(ENGLAND_AND_WALES, "2023-05-08", "coronation"),
                () -> assertReason(SCOTLAND, "2026-01-02", "january"),
                () -> assertReason(SCOTLAND, "2025-12-01", "andrew"), // substitute for Sun 30 Nov
                () -> assertReason(NORTHERN_IRELAND, "2026-03-17", "patrick"),
                () -> assertReason(NORTHERN_IRELAND, "2026-07-13", "boyne")); // substitute for Sun 12 Jul
        // and what is a holiday in one part of the UK is a working day in another
        assertTrue(ENGLAND_AND_WALES.isWorkingDay(date("2026-03-17")));
        assertTrue(ENGLAND_AND_WALES.isWorkingDay(date("2026-01-02")));
        assertTrue(SCOTLAND.isWorkingDay(date("2026-04-06")));
    }

    private static void assertReason(WorkingDayCalendar calendar, String day, String expectedFragment) {
        assertFalse(calendar.isWorkingDay(date(day)), day + " is not a working day");
        String reason = calendar.nonWorkingReason(date(day)).orElse("");
        assertTrue(reason.toLowerCase().contains(expectedFragment),
                day + ": reason '" + reason + "' should mention '" + expectedFragment + "'");
    }

    // --- overrides: days added by proclamation and days removed ----------------------------------------------------

    private static final LocalDate PROCLAIMED = date("2026-05-08"); // a Friday, hypothetical proclaimed bank holiday
    private static final WorkingDayCalendar WITH_PROCLAIMED = calendar(HolidayRegion.ENGLAND_AND_WALES,
            Map.of(PROCLAIMED, "Proclaimed bank holiday"), Map.of());

    @Test
    void anAddedHolidayInsideThePeriodMovesTheDeadlineByOneWorkingDay() {
        // letter 2026-04-24 (Fri): 27..30 Apr, 1 May (5), [4 May early May], 5,6,7,8 (9), 11..15 (14), 18 (15)
        // → 2026-05-18 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2026-04-24", 15, "2026-05-18");
        // with 8 May proclaimed: 27 Apr..1 May (5), 5,6,7 (8), 11..15 (13), 18,19 (15) → 2026-05-19 (Tue)
        assertDeadline(WITH_PROCLAIMED, "2026-04-24", 15, "2026-05-19");
        // the proclaimed day as the would-be deadline itself: letter 2026-04-30 (Thu): 1 May (1), [4 May], 5,6,7 (4),
        // 8 May (5) → 2026-05-08; with 8 May proclaimed: 11 May (5) → 2026-05-11 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2026-04-30", 5, "2026-05-08");
        assertDeadline(WITH_PROCLAIMED, "2026-04-30", 5, "2026-05-11");
    }

    @Test
    void anAddedHolidayOutsideThePeriodChangesNothing() {
        // before: the letter is dated on the proclaimed day, which is never counted. letter 2026-05-08 (Fri):
        // 11..15 (5), 18..22 (10), [25 May spring], 26..29 (14), 1 Jun (15) → 2026-06-01 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2026-05-08", 15, "2026-06-01");
        assertDeadline(WITH_PROCLAIMED, "2026-05-08", 15, "2026-06-01");
        // after: letter 2026-04-10 (Fri): 13..17 (5), 20..24 (10), 27 Apr..1 May (15) → 2026-05-01 (Fri)
        assertDeadline(ENGLAND_AND_WALES, "2026-04-10", 15, "2026-05-01");
        assertDeadline(WITH_PROCLAIMED, "2026-04-10", 15, "2026-05-01");
    }

    @Test
    void anAddedHolidayIsNamedAndListedInItsYearOnly() {
        assertFalse(ENGLAND_AND_WALES.holidays(2026).containsKey(PROCLAIMED));
        assertEquals("Proclaimed bank holiday", WITH_PROCLAIMED.holidays(2026).get(PROCLAIMED));
        assertEquals(ENGLAND_AND_WALES.holidays(2026).size() + 1, WITH_PROCLAIMED.holidays(2026).size());
        assertEquals(ENGLAND_AND_WALES.holidays(2025), WITH_PROCLAIMED.holidays(2025));
        assertEquals(ENGLAND_AND_WALES.holidays(2027), WITH_PROCLAIMED.holidays(2027));
        assertFalse(WITH_PROCLAIMED.isWorkingDay(PROCLAIMED));
        assertEquals(Optional.of("Proclaimed bank holiday"), WITH_PROCLAIMED.nonWorkingReason(PROCLAIMED));
    }

    @Test
    void anAddedDayThatIsAlreadyAHolidayKeepsBothNamesAndMovesNothing() {
        WorkingDayCalendar doubled = calendar(HolidayRegion.ENGLAND_AND_WALES,
                Map.of(date("2026-12-25"), "Proclaimed"), Map.of());
        String name = doubled.holidays(2026).get(date("2026-12-25"));
        assertTrue(name.endsWith(" / Proclaimed"), name);
        assertEquals(ENGLAND_AND_WALES.holidays(2026).keySet(), doubled.holidays(2026).keySet());
        // same count as appealWindowOverChristmas2026WithBoxingDaySubstitute
        assertDeadline(doubled, "2026-12-18", 15, "2027-01-13");
    }

    @Test
    void aRemovedHolidayIsAWorkingDay() {
        LocalDate summer = date("2026-08-31");
        WorkingDayCalendar withoutSummer = calendar(HolidayRegion.ENGLAND_AND_WALES, Map.of(),
                Map.of(summer, "not a holiday this year"));
        assertFalse(ENGLAND_AND_WALES.isWorkingDay(summer));
        assertTrue(withoutSummer.isWorkingDay(summer));
        assertEquals(Optional.empty(), withoutSummer.nonWorkingReason(summer));
        assertTrue(ENGLAND_AND_WALES.holidays(2026).containsKey(summer));
        assertFalse(withoutSummer.holidays(2026).containsKey(summer));
        assertEquals(ENGLAND_AND_WALES.holidays(2026).size() - 1, withoutSummer.holidays(2026).size());

        // letter 2026-08-21 (Fri): 24..28 (5), [31 Aug summer], 1..4 Sep (9), 7..11 (14), 14 (15) → 2026-09-14 (Mon)
        assertDeadline(ENGLAND_AND_WALES, "2026-08-21", 15, "2026-09-14");
        // without it: 24..28 (5), 31 Aug..4 Sep (10), 7..11 (15) → 2026-09-11 (Fri)
        assertDeadline(withoutSummer, "2026-08-21", 15, "2026-09-11");
    }

    @Test
    void removingAWeekendDayDoesNotMakeItAWorkingDay() {
        // 25 Dec 2027 is a Saturday: removing it from the holidays leaves it a weekend day
        WorkingDayCalendar calendar = calendar(HolidayRegion.ENGLAND_AND_WALES, Map.of(),
                Map.of(date("2027-12-25"), "removed"));
        assertEquals(Optional.of("Saturday"), calendar.nonWorkingReason(date("2027-12-25")));
    }
}
