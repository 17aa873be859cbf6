package org.ubcs.letter;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Northamptonshire;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Northamptonshire (seed 003): the letter must say why, what the restrictions are, how long they last and how to
 * challenge them. Its options: a named person, telephone on set days and times, correspondence closed on an issue.
 */
@QuarkusTest
@TestProfile(Northamptonshire.class)
class DecisionLetterUnderNorthamptonshireTest extends DecisionLetterScenario {

    @Override
    String restrictions() {
        return String.join(",",
                restriction("""
                        {"type":"SINGLE_POINT_OF_CONTACT","officer":{"name":"Rhian Evans",
                         "email":"rhian.evans@example.gov.uk"}}""", "THIS_MATTER"),
                restriction("""
                        {"type":"TIME_WINDOWS","channels":["TELEPHONE"],
                         "windows":[{"days":["THURSDAY","TUESDAY"],"from":"10:00","to":"12:00"}]}""", "ALL_MATTERS"),
                restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":true}", "THIS_MATTER"));
    }

    @Test
    void theDecisionLetterStatesWhyWhatHowLongAndHowToChallenge() {
        Decided decided = decide("Northamptonshire Customer");
        for (String version : List.of(decided.text(), decided.html())) {
            assertSentences(version, List.of(
                    "Northamptonshire County Council",
                    "Dear Northamptonshire Customer,",
                    "We have decided to apply our policy on unacceptable and unreasonably persistent behaviour, and "
                            + "to put some arrangements in place for the way you contact us.",
                    "Why we have made this decision",
                    "Forty emails in six weeks to five officers.",
                    "What we will do",
                    "Please write to Rhian Evans, your single point of contact, at rhian.evans@example.gov.uk. "
                            + "This applies to your contact about this matter only.",
                    "You may telephone us on Tuesdays and Thursdays from 10:00 to 12:00.",
                    "We have closed our correspondence about this matter. We will read anything more you send us "
                            + "about it and acknowledge it, unless it gives new information that changes our "
                            + "decision.",
                    "These arrangements start on " + en(TODAY) + ".",
                    "How long this will last",
                    "The arrangements will last until we review them.",
                    "We will review this decision by " + en(decided.reviewOn()) + " and write to you with the "
                            + "outcome.",
                    "We will still accept any new complaint from you and consider it on its merits",
                    "If you disagree with this decision",
                    "Please write to us by " + en(decided.challengeBy()) + ", explaining why you think it is wrong.",
                    "Our Chief Executive, who was not involved in the decision, will consider what you say, and we "
                            + "will write to you with the outcome within 15 working days of receiving your letter.",
                    "If you are unhappy with our final answer, you can ask the Local Government and Social Care "
                            + "Ombudsman to look into it.",
                    "https://www.lgo.org.uk"));
            assertNoBareAction(version);
        }
    }
}
