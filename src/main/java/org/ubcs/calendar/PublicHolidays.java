package org.ubcs.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.HolidayRegion;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The public holidays of each part of the UK, from jollyday. A holiday's date is the day off: when Christmas falls on
 * a Saturday, the substitute Monday. The subdivision must be given: without one jollyday returns only the UK-wide days.
 */
@ApplicationScoped
public class PublicHolidays {

    private final HolidayManager manager = HolidayManager
            .getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private final Map<String, Map<LocalDate, String>> byRegionAndYear = new ConcurrentHashMap<>();

    /** The holidays of a year in a region: day off → name. */
    public Map<LocalDate, String> of(HolidayRegion region, int year) {
        return byRegionAndYear.computeIfAbsent(region + "/" + year, key -> {
            Set<Holiday> holidays = manager.getHolidays(Year.of(year), subdivision(region));
            return holidays.stream().collect(Collectors.toUnmodifiableMap(Holiday::getDate, Holiday::getDescription,
                    (a, b) -> a + " / " + b));
        });
    }

    private static String subdivision(HolidayRegion region) {
        return switch (region) {
            case ENGLAND_AND_WALES -> "eng"; // England and Wales share their bank holidays
            case SCOTLAND -> "sct";
            case NORTHERN_IRELAND -> "nir";
        };
    }
}
