package org.ubcs.appeal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ubcs.api.model.AppealState;
import org.ubcs.appeal.domain.AppealDeadlines;
import org.ubcs.appeal.domain.AppealEntity;
import org.ubcs.calendar.WorkingDayCalendar;
import org.ubcs.policy.PolicyConfig;

/** The recomputation rule for open appeals when the calendar changes, on a calendar with no holidays at all. */
class AppealDeadlinesTest {

    static final PolicyConfig.Profile FIFTEEN_AND_FIFTEEN = (PolicyConfig.Profile) Proxy.newProxyInstance(
            AppealDeadlinesTest.class.getClassLoader(), new Class<?>[] { PolicyConfig.Profile.class },
            (proxy, method, args) -> switch (method.getName()) {
                case "appealWindowWorkingDays", "appealDecisionWorkingDays" -> 15;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    static WorkingDayCalendar weekdays(Map<LocalDate, String> added) {
        return new WorkingDayCalendar(year -> Map.of(), added, Map.of());
    }

    static AppealEntity appeal(LocalDate toldOn, LocalDate receivedOn) {
        AppealEntity appeal = new AppealEntity();
        appeal.decisionToldOn = toldOn;
        appeal.receivedOn = receivedOn;
        return appeal;
    }

    @Test
    void aNewAppealIsLodgedOnTimeUpToTheLastDayAndLateAfterIt() {
        // Told Mon 2 Nov 2026: 15 working days later is Mon 23 Nov.
        AppealEntity onTime = appeal(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 23));
        AppealDeadlines.apply(onTime, weekdays(Map.of()), FIFTEEN_AND_FIFTEEN);
        assertEquals(LocalDate.of(2026, 11, 23), onTime.appealBy);
        assertEquals(AppealState.LODGED, onTime.state);
        assertEquals(LocalDate.of(2026, 12, 14), onTime.decisionDueOn);

        AppealEntity late = appeal(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 24));
        AppealDeadlines.apply(late, weekdays(Map.of()), FIFTEEN_AND_FIFTEEN);
        assertEquals(AppealState.LATE, late.state);
        assertTrue(late.late);
        assertNull(late.decisionDueOn, "a late appeal has no decision due until it is accepted");
    }

    @Test
    void aHolidayAddedInsideTheWindowMakesALateAppealOnTime() {
        AppealEntity late = appeal(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 24));
        AppealDeadlines.apply(late, weekdays(Map.of()), FIFTEEN_AND_FIFTEEN);
        boolean changed = AppealDeadlines.apply(late, weekdays(Map.of(LocalDate.of(2026, 11, 10), "Proclaimed")),
                FIFTEEN_AND_FIFTEEN);
        assertTrue(changed);
        assertEquals(LocalDate.of(2026, 11, 24), late.appealBy);
        assertEquals(AppealState.LODGED, late.state);
        assertFalse(late.late);
        assertEquals(LocalDate.of(2026, 12, 15), late.decisionDueOn);
    }

    @Test
    void aLodgedAppealIsNeverMadeLateAgain() {
        AppealEntity lodged = appeal(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 24));
        AppealDeadlines.apply(lodged, weekdays(Map.of(LocalDate.of(2026, 11, 10), "Proclaimed")), FIFTEEN_AND_FIFTEEN);
        assertEquals(AppealState.LODGED, lodged.state);
        AppealDeadlines.apply(lodged, weekdays(Map.of()), FIFTEEN_AND_FIFTEEN); // the proclamation is withdrawn
        assertEquals(AppealState.LODGED, lodged.state);
        assertEquals(LocalDate.of(2026, 11, 23), lodged.appealBy);
        assertEquals(LocalDate.of(2026, 12, 15), lodged.decisionDueOn);
        assertFalse(AppealDeadlines.apply(lodged, weekdays(Map.of()), FIFTEEN_AND_FIFTEEN), "nothing left to change");
    }
}
