package org.ubcs.letter.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a letter says beyond the customer's own details and the council's policy profile, gathered by the step that
 * causes it. Every field may be null where the kind of letter does not use it.
 *
 * @param matter the case's matter
 * @param why why: the reasons for the decision, the behaviour warned about, the incident
 * @param actions what: the restrictions or agreed actions, one plain-English line each
 * @param startsOn from when
 * @param endsOn until when (null: until reviewed or lifted)
 * @param reviewOn the review date
 * @param challengeBy the last day to appeal or ask for a review, computed in working days
 * @param dueOn for an appeal acknowledgement, when the outcome is due
 * @param outcome for a review or appeal outcome, the outcome's name (CONTINUE, LIFT, UPHELD, DISMISSED...)
 * @param ombudsman whether to tell the customer they may go to the Ombudsman
 * @param restrictions the restrictions the letter states (imposed, or as they are now), worded by the templates in
 *        each language; listed before {@code actions}
 * @param previous for a letter about a change: the restrictions as they were before it, or those that ended
 */
public record LetterFacts(String matter, String why, List<String> actions, LocalDate startsOn, LocalDate endsOn,
        LocalDate reviewOn, LocalDate challengeBy, LocalDate dueOn, String outcome, boolean ombudsman,
        List<RestrictionFacts> restrictions, List<RestrictionFacts> previous) {

    public LetterFacts {
        actions = actions == null ? List.of() : actions;
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        previous = previous == null ? List.of() : List.copyOf(previous);
    }

    /** Facts with no restriction to word. */
    public LetterFacts(String matter, String why, List<String> actions, LocalDate startsOn, LocalDate endsOn,
            LocalDate reviewOn, LocalDate challengeBy, LocalDate dueOn, String outcome, boolean ombudsman) {
        this(matter, why, actions, startsOn, endsOn, reviewOn, challengeBy, dueOn, outcome, ombudsman, List.of(),
                List.of());
    }
}
