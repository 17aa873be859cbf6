package org.ubcs.letter;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Cambridgeshire (seeds 000, 002), the default profile: a designated point of contact, and a cap on contacts. */
@QuarkusTest
class DecisionLetterUnderCambridgeshireTest extends DecisionLetterScenario {

    @Override
    String restrictions() {
        return String.join(",",
                restriction("""
                        {"type":"SINGLE_POINT_OF_CONTACT","officer":{"name":"Sam Patel",
                         "email":"sam.patel@example.gov.uk","phone":"01223 555 0101"}}""", "THIS_MATTER"),
                restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":3,\"per\":\"WEEK\",\"maxCallMinutes\":15}",
                        "ALL_MATTERS"));
    }

    @Test
    void theDecisionLetterStatesTheRestrictionsAndHowToChallenge() {
        Decided decided = decide("Cambridgeshire Customer");
        for (String version : List.of(decided.text(), decided.html())) {
            assertSentences(version, List.of(
                    "Cambridgeshire County Council",
                    "What we will do",
                    "Please write to Sam Patel, your single point of contact, at sam.patel@example.gov.uk, or "
                            + "telephone them on 01223 555 0101. This applies to your contact about this matter only.",
                    "Please contact us no more than 3 times a week, and keep each telephone call to 15 minutes or "
                            + "less.",
                    "These arrangements start on " + en(TODAY) + ".",
                    "The arrangements will last until we review them.",
                    "We will review this decision by " + en(decided.reviewOn()) + " and write to you with the "
                            + "outcome.",
                    "Please write to us by " + en(decided.challengeBy()) + ", explaining why you think it is wrong.",
                    "Our Senior Officer, who was not involved in the decision, will consider what you say",
                    "you can ask the Local Government and Social Care Ombudsman to look into it."));
            assertNoBareAction(version);
        }
    }
}
