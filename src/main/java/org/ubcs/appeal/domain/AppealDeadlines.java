package org.ubcs.appeal.domain;

import org.ubcs.api.model.AppealState;
import org.ubcs.calendar.WorkingDayCalendar;
import org.ubcs.policy.PolicyConfig;

/**
 * The two deadlines of an appeal, in working days: lodging by {@code appealBy} (from the date the customer was told of
 * the decision, or the person of the register entry) and the outcome by {@code decisionDueOn} (from receipt). One
 * place computes them, for a new appeal and again whenever the calendar changes while it is open.
 */
public final class AppealDeadlines {

    private AppealDeadlines() {
    }

    /**
     * Working days to lodge an appeal: the register's own window for one against an entry, the profile's for one
     * against a decision. 0: no such appeal.
     */
    public static int window(boolean againstRegisterEntry, PolicyConfig.Profile profile) {
        return againstRegisterEntry
                ? profile.register().map(PolicyConfig.Register::appealWindowWorkingDays).orElse(0)
                : profile.appealWindowWorkingDays();
    }

    /** Sets the deadlines from the appeal's starting dates; returns whether anything changed. */
    public static boolean apply(AppealEntity appeal, WorkingDayCalendar calendar, PolicyConfig.Profile profile) {
        var appealBy = calendar.plus(appeal.decisionToldOn, window(appeal.registerEntryId != null, profile));
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
