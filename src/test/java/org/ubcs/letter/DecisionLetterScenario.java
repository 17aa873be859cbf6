package org.ubcs.letter;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.restassured.path.json.JsonPath;

/**
 * One council's procedure from referral to the decision letter, through the API: the decision carries its
 * restrictions, and the letter states each of them in plain words, how long, the review, and how to challenge the
 * decision (the profile's appeal reviewer, the deadline in working days, the Ombudsman), in every language of the
 * profile. Each subclass runs it under one council's profile; the sentences are asserted one by one, in order.
 */
abstract class DecisionLetterScenario {

    static final LocalDate TODAY = Fixtures.TODAY;

    /** The decision's restrictions: JSON array items (RestrictionInput). */
    abstract String restrictions();

    /** The classification the case is referred with. */
    String classification() {
        return "UNREASONABLY_PERSISTENT";
    }

    /** Walks a new case from referral to a decision to apply the policy with {@link #restrictions()}. */
    Decided decide(String customerName) {
        String customer = Letters.customer(customerName);
        var created = Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer, "\"" + classification() + "\""))
                .post("/cases").then().statusCode(201).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        kase = Fixtures.assessed(kase);
        LocalDate reviewOn = TODAY.plusMonths(6);
        JsonPath decided = Api.as(Fixtures.DECIDER).header("If-Match", kase.etag())
                .body(decisionWith(TODAY, reviewOn, restrictions()))
                .post("/cases/" + kase.id() + "/decision").then().statusCode(200)
                .body("status", equalTo("POLICY_APPLIED")).extract().jsonPath();
        String decisionId = decided.getString("decision.id");
        // The restrictions are imposed with the decision, under it, and in force from today.
        int count = JsonPath.from("{\"r\":[" + restrictions() + "]}").getList("r").size();
        Api.as(Fixtures.DECIDER).get("/restrictions?caseId=" + kase.id()).then().statusCode(200)
                .body("items", hasSize(count)).body("items.decisionId", everyItem(equalTo(decisionId)))
                .body("items.state", everyItem(equalTo("ACTIVE")));
        JsonPath letters = Api.as(Fixtures.DECIDER).get("/cases/" + kase.id() + "/letters").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("PRIOR_WARNING", "DECISION_TO_APPLY"), letters.getList("items.kind"));
        String deadline = Api.as(Fixtures.DECIDER).get("/calendar/deadlines?from=" + TODAY + "&workingDays=15")
                .then().statusCode(200).extract().path("deadline");
        return new Decided(kase.id(), reviewOn, LocalDate.parse(deadline), letters.getString("items[1].text"),
                letters.getString("items[1].html"));
    }

    record Decided(String caseId, LocalDate reviewOn, LocalDate challengeBy, String text, String html) {
    }

    static String decisionWith(LocalDate decidedOn, LocalDate reviewOn, String restrictions) {
        return """
                {"outcome":"APPLY_POLICY","decidedOn":"%s","reasons":"Forty emails in six weeks to five officers.",
                 "agreedActions":[{"type":"RESTRICTED_MEANS_OF_CONTACT"}],
                 "customerToldOn":"%s","reviewOn":"%s","restrictions":[%s]}"""
                .formatted(decidedOn, decidedOn, reviewOn, restrictions);
    }

    /** A restriction under the decision, from today. */
    static String restriction(String terms, String scope) {
        return """
                {"terms":%s,"scope":"%s","startsOn":"%s","reasons":"Repeated contact with several officers."}"""
                .formatted(terms, scope, TODAY);
    }

    /**
     * Each sentence is in the letter's words (markup dropped, white space as one space), each after the one before;
     * {@code version} is the whole letter or one language's part of it.
     */
    static void assertSentences(String version, List<String> sentences) {
        // The HTML version escapes what it prints (an apostrophe is &#39;): read it as a browser shows it.
        String words = Letters.words(version).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
        int from = 0;
        for (String sentence : sentences) {
            int at = words.indexOf(sentence, from);
            int after = from;
            assertTrue(at >= 0, () -> "Expected «" + sentence + "» after «" + words.substring(0, after) + "»\nin: "
                    + words);
            from = at + sentence.length();
        }
    }

    /** The letter never falls back on the bare name of an agreed action when it states the restrictions. */
    static void assertNoBareAction(String version) {
        assertFalse(Letters.words(version).contains("restricted means of contact"), version);
    }

    /** The English part of a bilingual letter, or the whole of an English one. */
    static String english(String version) {
        int at = version.indexOf("Dear ");
        return at < 0 ? version : version.substring(at);
    }

    static String welsh(String version) {
        return version.substring(0, version.indexOf("Dear "));
    }

    static String en(LocalDate date) {
        return LetterInWelshTest.english(date);
    }

    static String cy(LocalDate date) {
        return LetterInWelshTest.welsh(date);
    }
}
