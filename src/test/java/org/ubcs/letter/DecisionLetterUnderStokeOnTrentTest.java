package org.ubcs.letter;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ubcs.support.StokeOnTrent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Stoke-on-Trent (seed 004): a minimum of six months, a review the customer may ask for after six months, an appeal
 * within 15 working days to a Director, then the Ombudsman or the Housing Ombudsman.
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class DecisionLetterUnderStokeOnTrentTest extends DecisionLetterScenario {

    @Override
    String restrictions() {
        return String.join(",",
                restriction("""
                        {"type":"TIME_WINDOWS","channels":["TELEPHONE","EMAIL"],
                         "windows":[{"days":["TUESDAY","THURSDAY"],"from":"10:00","to":"12:00"},
                                    {"days":["FRIDAY"],"from":"14:00","to":"15:30"}]}""", "ALL_MATTERS"),
                restriction("""
                        {"type":"MEETINGS_BY_APPOINTMENT","offices":"the Civic Centre, Glebe Street"}""",
                        "ALL_MATTERS"));
    }

    @Test
    void theDecisionLetterStatesTheRestrictionsTheMinimumAndTheAppeal() {
        Decided decided = decide("Stoke Customer");
        for (String version : List.of(decided.text(), decided.html())) {
            assertSentences(version, List.of(
                    "Stoke-on-Trent City Council",
                    "What we will do",
                    "You may email or telephone us on Tuesdays and Thursdays from 10:00 to 12:00 and on Fridays "
                            + "from 14:00 to 15:30.",
                    "We will meet you only by appointment, at the Civic Centre, Glebe Street.",
                    "These arrangements start on " + en(TODAY) + ".",
                    "We will review this decision by " + en(decided.reviewOn()) + " and write to you with the "
                            + "outcome.",
                    "You can also ask us to review this decision once it has been in place for six months.",
                    "Please write to us by " + en(decided.challengeBy()) + ", explaining why you think it is wrong.",
                    "Our Director, who was not involved in the decision, will consider what you say, and we will "
                            + "write to you with the outcome within 15 working days of receiving your letter.",
                    "you can ask the Local Government and Social Care Ombudsman, or the Housing Ombudsman for "
                            + "housing matters to look into it."));
            assertNoBareAction(version);
        }
    }
}
