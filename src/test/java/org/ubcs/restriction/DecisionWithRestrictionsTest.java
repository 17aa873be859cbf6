package org.ubcs.restriction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A decision carries its restrictions: one transaction records the decision and imposes them all, or refuses them
 * all and writes nothing (no decision, no restriction, no letter, no audit event). Restrictions imposed, modified or
 * lifted later are each told to the customer in a letter that says what changed.
 */
@QuarkusTest
class DecisionWithRestrictionsTest {

    static final LocalDate TODAY = Fixtures.TODAY;
    static final String DECIDER = Fixtures.DECIDER;

    static String decision(String outcome, String restrictions) {
        return """
                {"outcome":"%s","decidedOn":"%s","reasons":"Forty emails in six weeks.","customerToldOn":"%s"%s,
                 "restrictions":[%s]}""".formatted(outcome, TODAY, TODAY,
                "APPLY_POLICY".equals(outcome) ? ",\"reviewOn\":\"" + TODAY.plusMonths(3) + "\"" : "", restrictions);
    }

    static String channels(String... channels) {
        return Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"" + String.join("\",\"",
                channels) + "\"]}");
    }

    /** Nothing of the refused decision was written: the case is as it was, at the same version. */
    static void nothingWritten(Case kase) {
        Api.as(DECIDER).get("/cases/" + kase.id()).then().statusCode(200).header("ETag", kase.etag())
                .body("status", equalTo("ASSESSED")).body("decision", equalTo(null));
        Api.as(DECIDER).get("/restrictions?caseId=" + kase.id()).then().statusCode(200).body("items", empty());
        Api.as(DECIDER).get("/cases/" + kase.id() + "/letters").then().statusCode(200)
                .body("items.kind", contains("PRIOR_WARNING"));
        Api.as("AUDITOR").queryParam("entityId", kase.id()).get("/audit-events").then().statusCode(200)
                .body("items.action", not(hasItem("DECISION_RECORDED")));
    }

    @Test
    void aRefusedRestrictionRefusesTheWholeDecision() {
        Case kase = Fixtures.assessed();
        // Letters only, then email only: together they would leave no way at all to contact the council.
        Api.as(DECIDER).header("If-Match", kase.etag())
                .body(decision("APPLY_POLICY", channels("LETTER") + "," + channels("EMAIL")))
                .post("/cases/" + kase.id() + "/decision").then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("NO_CHANNEL_LEFT"));
        nothingWritten(kase);

        // The same decision with restrictions that keep a channel open goes through, at the version read before.
        Api.as(DECIDER).header("If-Match", kase.etag())
                .body(decision("APPLY_POLICY", channels("LETTER") + "," + channels("LETTER", "EMAIL")))
                .post("/cases/" + kase.id() + "/decision").then().statusCode(200)
                .body("status", equalTo("POLICY_APPLIED"));
        Api.as(DECIDER).get("/restrictions?caseId=" + kase.id()).then().body("items.terms.type",
                contains("CHANNEL_LIMIT", "CHANNEL_LIMIT"));
        Api.as(DECIDER).get("/cases/" + kase.id() + "/letters").then()
                .body("items.kind", contains("PRIOR_WARNING", "DECISION_TO_APPLY"));
    }

    @Test
    void aRestrictionMayNotCutOffTheChannelARecordedNeedRequiresWithoutReasons() {
        String customer = Api.as(Fixtures.OFFICER).body("""
                {"fullName":"Needs a telephone","communicationNeeds":["NEEDS_TELEPHONE_CONTACT"]}""")
                .post("/customers").then().statusCode(201).extract().path("id");
        var created = Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer, "\"UNREASONABLY_PERSISTENT\""))
                .post("/cases").then().statusCode(201).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        kase = Fixtures.assessed(kase);

        Api.as(DECIDER).header("If-Match", kase.etag()).body(decision("APPLY_POLICY", channels("LETTER")))
                .post("/cases/" + kase.id() + "/decision").then().statusCode(422)
                .body("rule", equalTo("CONFLICTS_WITH_REASONABLE_ADJUSTMENTS"));
        nothingWritten(kase);

        String overridden = channels("LETTER").replace("\"reasons\"",
                "\"adjustmentsOverride\":\"Calls were used to abuse staff; letters read aloud by a support worker.\","
                        + "\"reasons\"");
        Api.as(DECIDER).header("If-Match", kase.etag()).body(decision("APPLY_POLICY", overridden))
                .post("/cases/" + kase.id() + "/decision").then().statusCode(200);
    }

    static Stream<Arguments> badRestrictions() {
        String ok = channels("LETTER");
        return Stream.of(
                Arguments.of("no terms", decision("APPLY_POLICY",
                        "{\"scope\":\"ALL_MATTERS\",\"startsOn\":\"" + TODAY + "\",\"reasons\":\"R.\"}"),
                        400, "/restrictions/0/terms"),
                Arguments.of("an unknown type", decision("APPLY_POLICY",
                        Fixtures.restriction("{\"type\":\"CURFEW\"}")), 400, null),
                Arguments.of("a cap of no contacts at all", decision("APPLY_POLICY", Fixtures.restriction(
                        "{\"type\":\"CONTACT_CAP\",\"maxContacts\":0,\"per\":\"WEEK\"}")), 400,
                        "/restrictions/0/terms/maxContacts"),
                Arguments.of("a start that is not a date", decision("APPLY_POLICY",
                        ok.replace(TODAY.toString(), "next Tuesday")), 400, null),
                Arguments.of("twenty-one restrictions", decision("APPLY_POLICY",
                        String.join(",", Collections.nCopies(21, ok))), 400, "/restrictions"),
                Arguments.of("restrictions without applying the policy", decision("DO_NOT_APPLY_POLICY", ok), 400,
                        "/restrictions"),
                Arguments.of("a start before the decision", decision("APPLY_POLICY", ok + ","
                        + ok.replace(TODAY.toString(), TODAY.minusDays(1).toString())), 422,
                        "/restrictions/1/startsOn"),
                Arguments.of("an end before its start", decision("APPLY_POLICY", ok.replace("\"reasons\"",
                        "\"endsOn\":\"" + TODAY.minusDays(1) + "\",\"reasons\"")), 422, "/restrictions/0/endsOn"),
                Arguments.of("read-and-file on every matter", decision("APPLY_POLICY", Fixtures.restriction(
                        "{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}")), 422, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRestrictions")
    void aBadRestrictionInTheDecisionIsAProblemAndWritesNothing(String what, String body, int status,
            String pointer) {
        Case kase = Fixtures.assessed();
        var problem = Api.malformedAs(DECIDER).header("If-Match", kase.etag()).body(body)
                .post("/cases/" + kase.id() + "/decision").then().statusCode(status)
                .contentType("application/problem+json").extract();
        if (pointer != null) {
            List<String> pointers = problem.path("errors.pointer");
            assertTrue(pointers.contains(pointer), what + ": " + pointers);
        }
        nothingWritten(kase);
    }

    @Test
    void restrictionsImposedModifiedOrLiftedLaterAreEachToldInALetterSayingWhatChanged() {
        Case kase = Fixtures.applied();
        String deadline = Api.as(DECIDER).get("/calendar/deadlines?from=" + TODAY + "&workingDays=15").then()
                .statusCode(200).extract().path("deadline");
        String challengeBy = LocalDate.parse(deadline).format(java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.UK));
        String today = TODAY.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));

        var imposed = Api.as(DECIDER).body(Fixtures.restriction("""
                {"type":"TIME_WINDOWS","channels":["TELEPHONE"],
                 "windows":[{"days":["TUESDAY"],"from":"10:00","to":"12:00"}]}""")).post("/cases/" + kase.id()
                + "/restrictions").then().statusCode(201).extract();
        String id = imposed.path("id");
        String added = lastLetter(kase, 3);
        assertSentences(added, List.of("A change to the limits on your contact with the council",
                "We are writing to tell you that we have added to the arrangements for your contact with us about "
                        + "“Pothole complaint, Mill Lane”, from " + today + ".",
                "What we have added", "- You may telephone us on Tuesdays from 10:00 to 12:00.",
                "Why", "Repeated abusive calls to several officers.",
                "What this does not change",
                "Please write to us by " + challengeBy + ", explaining why you think it is wrong.",
                "Our Senior Officer, who was not involved in the decision, will consider what you say",
                "Local Government and Social Care Ombudsman"));

        String modified = Fixtures.restriction("""
                {"type":"TIME_WINDOWS","channels":["TELEPHONE"],
                 "windows":[{"days":["TUESDAY","THURSDAY"],"from":"10:00","to":"12:00"}]}""")
                .replace("Repeated abusive calls to several officers.", "Calls on Tuesdays alone were too few.");
        var v2 = Api.as(DECIDER).header("If-Match", imposed.header("ETag")).body(modified)
                .post("/restrictions/" + id + "/modification").then().statusCode(201).extract();
        assertSentences(lastLetter(kase, 4), List.of(
                "We are writing to tell you that we have changed one of the arrangements for your contact with us "
                        + "about “Pothole complaint, Mill Lane”, from " + today + ".",
                "What it was", "- You may telephone us on Tuesdays from 10:00 to 12:00.",
                "What it is now", "- You may telephone us on Tuesdays and Thursdays from 10:00 to 12:00.",
                "Why", "Calls on Tuesdays alone were too few.",
                "Please write to us by " + challengeBy + ","));

        Api.as(DECIDER).header("If-Match", v2.header("ETag")).body("{\"reasons\":\"Calls are now short and calm.\"}")
                .post("/restrictions/" + v2.path("id") + "/lifting").then().statusCode(200);
        String lifted = lastLetter(kase, 5);
        assertSentences(lifted, List.of(
                "We are writing to tell you that one of the arrangements for your contact with us about “Pothole "
                        + "complaint, Mill Lane” no longer applies, from " + today + ".",
                "What no longer applies", "- You may telephone us on Tuesdays and Thursdays from 10:00 to 12:00.",
                "Why", "Calls are now short and calm.",
                "Any other arrangements we have told you about stay as they are."));
        assertTrue(!lifted.contains("If you disagree"), lifted);
    }

    /** The newest letter of the case, a RESTRICTIONS_CHANGED one, once the case has {@code count} letters. */
    private static String lastLetter(Case kase, int count) {
        var letters = Api.as(DECIDER).get("/cases/" + kase.id() + "/letters").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(count, letters.getList("items").size(), letters.prettify());
        assertEquals("RESTRICTIONS_CHANGED", letters.getString("items[" + (count - 1) + "].kind"));
        return letters.getString("items[" + (count - 1) + "].text");
    }

    private static void assertSentences(String text, List<String> sentences) {
        String words = text.replaceAll("\\s+", " ");
        int from = 0;
        for (String sentence : sentences) {
            int at = words.indexOf(sentence, from);
            assertTrue(at >= 0, "Expected «" + sentence + "» in order in: " + words);
            from = at + sentence.length();
        }
    }
}
