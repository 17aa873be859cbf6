package org.ubcs.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.api.model.HolidayRegion;

/**
 * The public holidays of each part of the UK, written out by hand from the official lists on gov.uk
 * (https://www.gov.uk/bank-holidays), independently of jollyday, and compared with what the calendar returns.
 * <p>
 * Every expected day carries the weekday it falls on; {@link #everyExpectedDayFallsOnItsStatedWeekday()} checks those
 * weekdays with java.time, so a typo in a date cannot pass silently.
 * <p>
 * If jollyday ever disagrees with the official list, the expectation here stays the official date: such a case is a
 * defect for the service's override mechanism (added / removed days) to cover, not a reason to edit this list.
 */
class UkBankHolidaysTest {

    private static final PublicHolidays PUBLIC_HOLIDAYS = new PublicHolidays();

    /** One day off from the official list: the date, the weekday it falls on, and gov.uk's name for it. */
    record Official(LocalDate date, DayOfWeek weekday, String name) {
        @Override
        public String toString() {
            return date + " (" + weekday + ", " + name + ")";
        }
    }

    private static Official day(int year, int month, int dayOfMonth, DayOfWeek weekday, String name) {
        return new Official(LocalDate.of(year, month, dayOfMonth), weekday, name);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // England and Wales (gov.uk "England and Wales")
    // ---------------------------------------------------------------------------------------------------------------

    static final Map<Integer, List<Official>> ENGLAND_AND_WALES = Map.of(
            2022, List.of(
                    day(2022, 1, 3, MONDAY, "New Year's Day (substitute day)"), // 1 Jan 2022 was a Saturday
                    day(2022, 4, 15, FRIDAY, "Good Friday"),
                    day(2022, 4, 18, MONDAY, "Easter Monday"),
                    day(2022, 5, 2, MONDAY, "Early May bank holiday"),
                    day(2022, 6, 2, THURSDAY, "Spring bank holiday"), // moved from the last Monday in May
                    day(2022, 6, 3, FRIDAY, "Platinum Jubilee bank holiday"),
                    day(2022, 8, 29, MONDAY, "Summer bank holiday"),
                    day(2022, 9, 19, MONDAY, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
                    day(2022, 12, 26, MONDAY, "Boxing Day"),
                    day(2022, 12, 27, TUESDAY, "Christmas Day (substitute day)")), // 25 Dec 2022 was a Sunday
            2023, List.of(
                    day(2023, 1, 2, MONDAY, "New Year's Day (substitute day)"), // 1 Jan 2023 was a Sunday
                    day(2023, 4, 7, FRIDAY, "Good Friday"),
                    day(2023, 4, 10, MONDAY, "Easter Monday"),
                    day(2023, 5, 1, MONDAY, "Early May bank holiday"),
                    day(2023, 5, 8, MONDAY, "Bank holiday for the coronation of King Charles III"),
                    day(2023, 5, 29, MONDAY, "Spring bank holiday"),
                    day(2023, 8, 28, MONDAY, "Summer bank holiday"),
                    day(2023, 12, 25, MONDAY, "Christmas Day"),
                    day(2023, 12, 26, TUESDAY, "Boxing Day")),
            2024, List.of(
                    day(2024, 1, 1, MONDAY, "New Year's Day"),
                    day(2024, 3, 29, FRIDAY, "Good Friday"),
                    day(2024, 4, 1, MONDAY, "Easter Monday"),
                    day(2024, 5, 6, MONDAY, "Early May bank holiday"),
                    day(2024, 5, 27, MONDAY, "Spring bank holiday"),
                    day(2024, 8, 26, MONDAY, "Summer bank holiday"),
                    day(2024, 12, 25, WEDNESDAY, "Christmas Day"),
                    day(2024, 12, 26, THURSDAY, "Boxing Day")),
            2025, List.of(
                    day(2025, 1, 1, WEDNESDAY, "New Year's Day"),
                    day(2025, 4, 18, FRIDAY, "Good Friday"),
                    day(2025, 4, 21, MONDAY, "Easter Monday"),
                    day(2025, 5, 5, MONDAY, "Early May bank holiday"),
                    day(2025, 5, 26, MONDAY, "Spring bank holiday"),
                    day(2025, 8, 25, MONDAY, "Summer bank holiday"),
                    day(2025, 12, 25, THURSDAY, "Christmas Day"),
                    day(2025, 12, 26, FRIDAY, "Boxing Day")),
            2026, List.of(
                    day(2026, 1, 1, THURSDAY, "New Year's Day"),
                    day(2026, 4, 3, FRIDAY, "Good Friday"),
                    day(2026, 4, 6, MONDAY, "Easter Monday"),
                    day(2026, 5, 4, MONDAY, "Early May bank holiday"),
                    day(2026, 5, 25, MONDAY, "Spring bank holiday"),
                    day(2026, 8, 31, MONDAY, "Summer bank holiday"),
                    day(2026, 12, 25, FRIDAY, "Christmas Day"),
                    day(2026, 12, 28, MONDAY, "Boxing Day (substitute day)")), // 26 Dec 2026 is a Saturday
            2027, List.of(
                    day(2027, 1, 1, FRIDAY, "New Year's Day"),
                    day(2027, 3, 26, FRIDAY, "Good Friday"),
                    day(2027, 3, 29, MONDAY, "Easter Monday"),
                    day(2027, 5, 3, MONDAY, "Early May bank holiday"),
                    day(2027, 5, 31, MONDAY, "Spring bank holiday"),
                    day(2027, 8, 30, MONDAY, "Summer bank holiday"),
                    day(2027, 12, 27, MONDAY, "Christmas Day (substitute day)"), // 25 Dec 2027 is a Saturday
                    day(2027, 12, 28, TUESDAY, "Boxing Day (substitute day)"))); // 26 Dec 2027 is a Sunday

    // ---------------------------------------------------------------------------------------------------------------
    // Scotland: 2 January, St Andrew's Day, summer holiday on the first Monday in August, no Easter Monday
    // ---------------------------------------------------------------------------------------------------------------

    static final Map<Integer, List<Official>> SCOTLAND = Map.of(
            2022, List.of(
                    day(2022, 1, 3, MONDAY, "New Year's Day (substitute day)"), // 1 Jan 2022 was a Saturday
                    day(2022, 1, 4, TUESDAY, "2nd January (substitute day)"), // 2 Jan 2022 was a Sunday
                    day(2022, 4, 15, FRIDAY, "Good Friday"),
                    day(2022, 5, 2, MONDAY, "Early May bank holiday"),
                    day(2022, 6, 2, THURSDAY, "Spring bank holiday"),
                    day(2022, 6, 3, FRIDAY, "Platinum Jubilee bank holiday"),
                    day(2022, 8, 1, MONDAY, "Summer bank holiday"),
                    day(2022, 9, 19, MONDAY, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
                    day(2022, 11, 30, WEDNESDAY, "St Andrew's Day"),
                    day(2022, 12, 26, MONDAY, "Boxing Day"),
                    day(2022, 12, 27, TUESDAY, "Christmas Day (substitute day)")),
            2023, List.of(
                    day(2023, 1, 2, MONDAY, "New Year's Day (substitute day)"), // 1 Jan 2023 was a Sunday
                    day(2023, 1, 3, TUESDAY, "2nd January (substitute day)"), // 2 Jan is taken by New Year's Day
                    day(2023, 4, 7, FRIDAY, "Good Friday"),
                    day(2023, 5, 1, MONDAY, "Early May bank holiday"),
                    day(2023, 5, 8, MONDAY, "Bank holiday for the coronation of King Charles III"),
                    day(2023, 5, 29, MONDAY, "Spring bank holiday"),
                    day(2023, 8, 7, MONDAY, "Summer bank holiday"),
                    day(2023, 11, 30, THURSDAY, "St Andrew's Day"),
                    day(2023, 12, 25, MONDAY, "Christmas Day"),
                    day(2023, 12, 26, TUESDAY, "Boxing Day")),
            2024, List.of(
                    day(2024, 1, 1, MONDAY, "New Year's Day"),
                    day(2024, 1, 2, TUESDAY, "2nd January"),
                    day(2024, 3, 29, FRIDAY, "Good Friday"),
                    day(2024, 5, 6, MONDAY, "Early May bank holiday"),
                    day(2024, 5, 27, MONDAY, "Spring bank holiday"),
                    day(2024, 8, 5, MONDAY, "Summer bank holiday"),
                    day(2024, 12, 2, MONDAY, "St Andrew's Day (substitute day)"), // 30 Nov 2024 was a Saturday
                    day(2024, 12, 25, WEDNESDAY, "Christmas Day"),
                    day(2024, 12, 26, THURSDAY, "Boxing Day")),
            2025, List.of(
                    day(2025, 1, 1, WEDNESDAY, "New Year's Day"),
                    day(2025, 1, 2, THURSDAY, "2nd January"),
                    day(2025, 4, 18, FRIDAY, "Good Friday"),
                    day(2025, 5, 5, MONDAY, "Early May bank holiday"),
                    day(2025, 5, 26, MONDAY, "Spring bank holiday"),
                    day(2025, 8, 4, MONDAY, "Summer bank holiday"),
                    day(2025, 12, 1, MONDAY, "St Andrew's Day (substitute day)"), // 30 Nov 2025 is a Sunday
                    day(2025, 12, 25, THURSDAY, "Christmas Day"),
                    day(2025, 12, 26, FRIDAY, "Boxing Day")),
            2026, List.of(
                    day(2026, 1, 1, THURSDAY, "New Year's Day"),
                    day(2026, 1, 2, FRIDAY, "2nd January"),
                    day(2026, 4, 3, FRIDAY, "Good Friday"),
                    day(2026, 5, 4, MONDAY, "Early May bank holiday"),
                    day(2026, 5, 25, MONDAY, "Spring bank holiday"),
                    day(2026, 8, 3, MONDAY, "Summer bank holiday"),
                    day(2026, 11, 30, MONDAY, "St Andrew's Day"),
                    day(2026, 12, 25, FRIDAY, "Christmas Day"),
                    day(2026, 12, 28, MONDAY, "Boxing Day (substitute day)")),
            2027, List.of(
                    day(2027, 1, 1, FRIDAY, "New Year's Day"),
                    day(2027, 1, 4, MONDAY, "2nd January (substitute day)"), // 2 Jan 2027 is a Saturday
                    day(2027, 3, 26, FRIDAY, "Good Friday"),
                    day(2027, 5, 3, MONDAY, "Early May bank holiday"),
                    day(2027, 5, 31, MONDAY, "Spring bank holiday"),
                    day(2027, 8, 2, MONDAY, "Summer bank holiday"),
                    day(2027, 11, 30, TUESDAY, "St Andrew's Day"),
                    day(2027, 12, 27, MONDAY, "Christmas Day (substitute day)"),
                    day(2027, 12, 28, TUESDAY, "Boxing Day (substitute day)")));

    // ---------------------------------------------------------------------------------------------------------------
    // Northern Ireland: England and Wales plus St Patrick's Day (17 March) and the Battle of the Boyne (12 July)
    // ---------------------------------------------------------------------------------------------------------------

    static final Map<Integer, List<Official>> NORTHERN_IRELAND = Map.of(
            2022, List.of(
                    day(2022, 1, 3, MONDAY, "New Year's Day (substitute day)"),
                    day(2022, 3, 17, THURSDAY, "St Patrick's Day"),
                    day(2022, 4, 15, FRIDAY, "Good Friday"),
                    day(2022, 4, 18, MONDAY, "Easter Monday"),
                    day(2022, 5, 2, MONDAY, "Early May bank holiday"),
                    day(2022, 6, 2, THURSDAY, "Spring bank holiday"),
                    day(2022, 6, 3, FRIDAY, "Platinum Jubilee bank holiday"),
                    day(2022, 7, 12, TUESDAY, "Battle of the Boyne (Orangemen's Day)"),
                    day(2022, 8, 29, MONDAY, "Summer bank holiday"),
                    day(2022, 9, 19, MONDAY, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
                    day(2022, 12, 26, MONDAY, "Boxing Day"),
                    day(2022, 12, 27, TUESDAY, "Christmas Day (substitute day)")),
            2023, List.of(
                    day(2023, 1, 2, MONDAY, "New Year's Day (substitute day)"),
                    day(2023, 3, 17, FRIDAY, "St Patrick's Day"),
                    day(2023, 4, 7, FRIDAY, "Good Friday"),
                    day(2023, 4, 10, MONDAY, "Easter Monday"),
                    day(2023, 5, 1, MONDAY, "Early May bank holiday"),
                    day(2023, 5, 8, MONDAY, "Bank holiday for the coronation of King Charles III"),
                    day(2023, 5, 29, MONDAY, "Spring bank holiday"),
                    day(2023, 7, 12, WEDNESDAY, "Battle of the Boyne (Orangemen's Day)"),
                    day(2023, 8, 28, MONDAY, "Summer bank holiday"),
                    day(2023, 12, 25, MONDAY, "Christmas Day"),
                    day(2023, 12, 26, TUESDAY, "Boxing Day")),
            2024, List.of(
                    day(2024, 1, 1, MONDAY, "New Year's Day"),
                    day(2024, 3, 18, MONDAY, "St Patrick's Day (substitute day)"), // 17 Mar 2024 was a Sunday
                    day(2024, 3, 29, FRIDAY, "Good Friday"),
                    day(2024, 4, 1, MONDAY, "Easter Monday"),
                    day(2024, 5, 6, MONDAY, "Early May bank holiday"),
                    day(2024, 5, 27, MONDAY, "Spring bank holiday"),
                    day(2024, 7, 12, FRIDAY, "Battle of the Boyne (Orangemen's Day)"),
                    day(2024, 8, 26, MONDAY, "Summer bank holiday"),
                    day(2024, 12, 25, WEDNESDAY, "Christmas Day"),
                    day(2024, 12, 26, THURSDAY, "Boxing Day")),
            2025, List.of(
                    day(2025, 1, 1, WEDNESDAY, "New Year's Day"),
                    day(2025, 3, 17, MONDAY, "St Patrick's Day"),
                    day(2025, 4, 18, FRIDAY, "Good Friday"),
                    day(2025, 4, 21, MONDAY, "Easter Monday"),
                    day(2025, 5, 5, MONDAY, "Early May bank holiday"),
                    day(2025, 5, 26, MONDAY, "Spring bank holiday"),
                    day(2025, 7, 14, MONDAY, "Battle of the Boyne (substitute day)"), // 12 Jul 2025 is a Saturday
                    day(2025, 8, 25, MONDAY, "Summer bank holiday"),
                    day(2025, 12, 25, THURSDAY, "Christmas Day"),
                    day(2025, 12, 26, FRIDAY, "Boxing Day")),
            2026, List.of(
                    day(2026, 1, 1, THURSDAY, "New Year's Day"),
                    day(2026, 3, 17, TUESDAY, "St Patrick's Day"),
                    day(2026, 4, 3, FRIDAY, "Good Friday"),
                    day(2026, 4, 6, MONDAY, "Easter Monday"),
                    day(2026, 5, 4, MONDAY, "Early May bank holiday"),
                    day(2026, 5, 25, MONDAY, "Spring bank holiday"),
                    day(2026, 7, 13, MONDAY, "Battle of the Boyne (substitute day)"), // 12 Jul 2026 is a Sunday
                    day(2026, 8, 31, MONDAY, "Summer bank holiday"),
                    day(2026, 12, 25, FRIDAY, "Christmas Day"),
                    day(2026, 12, 28, MONDAY, "Boxing Day (substitute day)")),
            2027, List.of(
                    day(2027, 1, 1, FRIDAY, "New Year's Day"),
                    day(2027, 3, 17, WEDNESDAY, "St Patrick's Day"),
                    day(2027, 3, 26, FRIDAY, "Good Friday"),
                    day(2027, 3, 29, MONDAY, "Easter Monday"),
                    day(2027, 5, 3, MONDAY, "Early May bank holiday"),
                    day(2027, 5, 31, MONDAY, "Spring bank holiday"),
                    day(2027, 7, 12, MONDAY, "Battle of the Boyne (Orangemen's Day)"),
                    day(2027, 8, 30, MONDAY, "Summer bank holiday"),
                    day(2027, 12, 27, MONDAY, "Christmas Day (substitute day)"),
                    day(2027, 12, 28, TUESDAY, "Boxing Day (substitute day)")));

    static final Map<HolidayRegion, Map<Integer, List<Official>>> OFFICIAL = Map.of(
            HolidayRegion.ENGLAND_AND_WALES, ENGLAND_AND_WALES,
            HolidayRegion.SCOTLAND, SCOTLAND,
            HolidayRegion.NORTHERN_IRELAND, NORTHERN_IRELAND);

    private static WorkingDayCalendar calendar(HolidayRegion region) {
        return new WorkingDayCalendar(year -> PUBLIC_HOLIDAYS.of(region, year), Map.of(), Map.of());
    }

    static Stream<Arguments> regionsAndYears() {
        List<Arguments> all = new ArrayList<>();
        for (HolidayRegion region : HolidayRegion.values()) {
            for (int year = 2022; year <= 2027; year++) {
                all.add(Arguments.of(region, year));
            }
        }
        return all.stream();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The expectations themselves: each stated weekday is the real one, and no day off falls at a weekend. */
    @Test
    void everyExpectedDayFallsOnItsStatedWeekday() {
        List<Official> all = OFFICIAL.values().stream().flatMap(byYear -> byYear.values().stream())
                .flatMap(List::stream).toList();
        // a year has 8 days off in England and Wales, 9 in Scotland, 10 in Northern Ireland; 2022 adds the
        // Platinum Jubilee and the State Funeral, 2023 the Coronation: 6 * (8 + 9 + 10) + 3 * (2 + 1) = 171
        assertEquals(171, all.size(), "number of official days off written out");
        assertAll(all.stream().map(day -> (Executable) () -> {
            assertEquals(day.weekday(), day.date().getDayOfWeek(), "weekday of " + day);
            assertTrue(day.date().getDayOfWeek().getValue() <= 5, "a day off is a weekday: " + day);
        }));
        // and the written-out year of each list is the year it is filed under
        OFFICIAL.forEach((region, byYear) -> byYear.forEach((year, days) -> days.forEach(
                day -> assertEquals(year, day.date().getYear(), region + " " + year + ": " + day))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("regionsAndYears")
    void holidaysOfTheYearAreTheOfficialOnes(HolidayRegion region, int year) {
        List<Official> official = OFFICIAL.get(region).get(year);
        Set<LocalDate> expected = official.stream().map(Official::date).collect(Collectors.toCollection(TreeSet::new));
        Map<LocalDate, String> actual = calendar(region).holidays(year);

        Set<LocalDate> missing = new TreeSet<>(expected);
        missing.removeAll(actual.keySet());
        Set<LocalDate> extra = new TreeSet<>(actual.keySet());
        extra.removeAll(expected);
        assertAll(
                () -> assertEquals(Set.of(), missing, region + " " + year
                        + ": official days off that the calendar does not have (jollyday vs gov.uk)"),
                () -> assertEquals(Set.of(), extra, region + " " + year
                        + ": days off that the calendar has but gov.uk does not (jollyday vs gov.uk)"),
                () -> assertEquals(official.size(), actual.size(), region + " " + year + ": number of days off"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("regionsAndYears")
    void everyOfficialDayOffIsNotAWorkingDayAndHasAName(HolidayRegion region, int year) {
        WorkingDayCalendar calendar = calendar(region);
        assertAll(OFFICIAL.get(region).get(year).stream().map(day -> (Executable) () -> {
            assertFalse(calendar.isWorkingDay(day.date()), region + ": " + day + " must not be a working day");
            String reason = calendar.nonWorkingReason(day.date()).orElse("");
            assertFalse(reason.isBlank(), region + ": " + day + " must have a name as its reason");
        }));
    }

    // --- the cases the brief singles out, spelled out so a failure names them --------------------------------------

    @Test
    void oneOffHolidaysOf2022And2023AreInEveryRegion() {
        for (HolidayRegion region : HolidayRegion.values()) {
            WorkingDayCalendar calendar = calendar(region);
            assertAll(region.toString(),
                    () -> assertTrue(calendar.holidays(2022).containsKey(LocalDate.of(2022, 6, 2)),
                            "Spring bank holiday moved to Thu 2 June 2022"),
                    () -> assertFalse(calendar.holidays(2022).containsKey(LocalDate.of(2022, 5, 30)),
                            "no bank holiday on the last Monday in May 2022"),
                    () -> assertTrue(calendar.holidays(2022).containsKey(LocalDate.of(2022, 6, 3)),
                            "Platinum Jubilee, Fri 3 June 2022"),
                    () -> assertTrue(calendar.holidays(2022).containsKey(LocalDate.of(2022, 9, 19)),
                            "State Funeral of Queen Elizabeth II, Mon 19 September 2022"),
                    () -> assertTrue(calendar.holidays(2023).containsKey(LocalDate.of(2023, 5, 8)),
                            "Coronation of King Charles III, Mon 8 May 2023"));
        }
    }

    @Test
    void christmasAndBoxingDayAtAWeekendAreSubstitutedOnTheFollowingWorkingDays() {
        WorkingDayCalendar calendar = calendar(HolidayRegion.ENGLAND_AND_WALES);
        // 2022: Christmas on Sunday → Boxing Day stays Mon 26, Christmas substitute Tue 27
        assertEquals(Set.of(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27)), december(calendar, 2022));
        // 2026: Boxing Day on Saturday → substitute Mon 28
        assertEquals(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)), december(calendar, 2026));
        // 2027: both on the weekend → Mon 27 and Tue 28
        assertEquals(Set.of(LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28)), december(calendar, 2027));
    }

    @Test
    void scotlandHasSecondJanuaryAndStAndrewsDayButNoEasterMonday() {
        WorkingDayCalendar scotland = calendar(HolidayRegion.SCOTLAND);
        assertAll(
                () -> assertTrue(scotland.holidays(2022).containsKey(LocalDate.of(2022, 1, 4)),
                        "2 Jan 2022 (Sun) → substitute Tue 4 Jan"),
                () -> assertTrue(scotland.holidays(2023).containsKey(LocalDate.of(2023, 1, 3)),
                        "2 Jan 2023 (Mon) taken by New Year's substitute → Tue 3 Jan"),
                () -> assertTrue(scotland.holidays(2027).containsKey(LocalDate.of(2027, 1, 4)),
                        "2 Jan 2027 (Sat) → substitute Mon 4 Jan"),
                () -> assertTrue(scotland.holidays(2024).containsKey(LocalDate.of(2024, 12, 2)),
                        "St Andrew's Day 30 Nov 2024 (Sat) → substitute Mon 2 Dec"),
                () -> assertTrue(scotland.holidays(2025).containsKey(LocalDate.of(2025, 12, 1)),
                        "St Andrew's Day 30 Nov 2025 (Sun) → substitute Mon 1 Dec"),
                () -> assertTrue(scotland.holidays(2025).containsKey(LocalDate.of(2025, 8, 4)),
                        "summer bank holiday on the first Monday in August"),
                () -> assertFalse(scotland.holidays(2025).containsKey(LocalDate.of(2025, 8, 25)),
                        "no bank holiday on the last Monday in August"),
                () -> assertTrue(scotland.isWorkingDay(LocalDate.of(2025, 4, 21)), "Easter Monday is a working day"));
    }

    @Test
    void northernIrelandHasStPatricksDayAndTheBattleOfTheBoyneWithSubstitutes() {
        WorkingDayCalendar ni = calendar(HolidayRegion.NORTHERN_IRELAND);
        assertAll(
                () -> assertTrue(ni.holidays(2024).containsKey(LocalDate.of(2024, 3, 18)),
                        "17 Mar 2024 (Sun) → substitute Mon 18 Mar"),
                () -> assertTrue(ni.isWorkingDay(LocalDate.of(2024, 3, 19)), "Tue 19 Mar 2024 is a working day"),
                () -> assertTrue(ni.holidays(2025).containsKey(LocalDate.of(2025, 7, 14)),
                        "12 Jul 2025 (Sat) → substitute Mon 14 Jul"),
                () -> assertTrue(ni.holidays(2026).containsKey(LocalDate.of(2026, 7, 13)),
                        "12 Jul 2026 (Sun) → substitute Mon 13 Jul"),
                () -> assertTrue(calendar(HolidayRegion.ENGLAND_AND_WALES).isWorkingDay(LocalDate.of(2026, 3, 17)),
                        "St Patrick's Day is a working day in England and Wales"));
    }

    private static Set<LocalDate> december(WorkingDayCalendar calendar, int year) {
        return calendar.holidays(year).keySet().stream().filter(date -> date.getMonthValue() == 12)
                .collect(Collectors.toSet());
    }
}
