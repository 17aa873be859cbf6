package org.ubcs.appeal.domain;

import org.ubcs.api.model.AppealState;
import org.ubcs.calendar.WorkingDayCalendar;
import org.ubcs.policy.PolicyConfig;

/**
 * The two deadlines of an appeal, in working days: lodging by {@code appealBy} (from the date the customer was told of
 * the decision) and the outcome by {@code decisionDueOn} (from receipt). One place computes them, for a new appeal
 * and again whenever the calendar changes while it is open.
 */
public final class AppealDeadlines {

    private AppealDeadlines() {
    }

    /** Sets the deadlines from the appeal's starting dates; returns whether anything changed. */
    public static boolean apply(AppealEntity appeal, WorkingDayCalendar calendar, PolicyConfig.Profile profile) {
        var appealBy = calendar.plus(appeal.decisionToldOn, profile.appealWindowWorkingDays());
        var dueOn = calendar.plus(appeal.receivedOn, profile.appealDecisionWorkingDays());
        boolean late = appeal.receivedOn.isAfter(appealBy);
        boolean changed = !appealBy.equals(appeal.appealBy);
        appeal.appealBy = appealBy;
        if (appeal.state == null) {
            appeal.state = late ? AppealState.LATE : AppealState.LODGED;
            appeal.late = late;
        } else if (appeal.state == AppealState.LATE && !late) {
            // The new calendar makes it on time: it is lodged. A lodged appeal is never made late again.
            appeal.state = AppealState.LODGED;
            appeal.late = false;
            changed = true;
        }
        var due = appeal.state == AppealState.LODGED ? dueOn : null;
        changed |= !java.util.Objects.equals(due, appeal.decisionDueOn);
        appeal.decisionDueOn = due;
        return changed;
    }
}
