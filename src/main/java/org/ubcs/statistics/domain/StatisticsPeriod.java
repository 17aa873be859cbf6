package org.ubcs.statistics.domain;

import java.time.LocalDate;

/**
 * The period and department the figures are asked for: both days included, calendar dates in Europe/London;
 * {@code department} null for every department, else compared case-insensitively.
 */
public record StatisticsPeriod(LocalDate from, LocalDate to, String department) {

    /** The department as the queries compare it (lower case), or null for every department. */
    public String departmentKey() {
        return department == null ? null : department.toLowerCase(java.util.Locale.ROOT);
    }
}
