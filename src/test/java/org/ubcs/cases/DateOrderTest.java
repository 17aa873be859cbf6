package org.ubcs.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The procedure's dates keep its order, and every refusal has one shape: 422 naming the rule, the dates in the
 * detail, and a pointer to the field. Nothing refused is written.
 */
@QuarkusTest
class DateOrderTest {

    /**
     * To the second, always with the seconds: {@code toString()} leaves out ":00", which the contract's date-time
     * refuses, so a test built that way failed once a minute.
     */
    private static final DateTimeFormatter TO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    static final LocalDate TODAY = Fixtures.TODAY;

    private static void refused(ValidatableResponse response, String rule, String pointer) {
        response.statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:policy-rule"))
                .body("rule", equalTo(rule))
                .body("errors", hasSize(1))
                .body("errors[0].pointer", equalTo(pointer));
    }

    private static String etag(Case kase) {
        return Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
    }

    /** A case referred yesterday, warned today, ready for a decision. */
    private static Case referredYesterdayAndAssessed() {
        String customer = Fixtures.customer("Dates " + UUID.randomUUID());
        String body = Fixtures.referralBody(customer, "\"UNREASONABLY_PERSISTENT\"")
                .replace(Fixtures.REFERRED_ON.toString(), TODAY.minusDays(1).toString());
        var created = Api.as(Fixtures.OFFICER).body(body).post("/cases").then().statusCode(201)
                .body("referral.referredOn", equalTo(TODAY.minusDays(1).toString())).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        kase = Fixtures.step(kase, Fixtures.OFFICER, "POST", "prior-warning",
                Fixtures.WARNING_LETTER.formatted(TODAY, TODAY));
        kase = Fixtures.step(kase, Fixtures.OFFICER, "PUT", "preconditions", Fixtures.ALL_PRECONDITIONS_MET);
        return Fixtures.step(kase, Fixtures.OFFICER, "POST", "assessment", Fixtures.ASSESSMENT);
    }

    @Test
    void aDecisionIsNeitherBeforeTheReferralNorWithAReviewDateAlreadyPast() {
        Case kase = referredYesterdayAndAssessed();
        LocalDate longAgo = LocalDate.of(2020, 1, 6);
        var decide = Api.as(Fixtures.DECIDER).header("If-Match", kase.etag());
        ValidatableResponse early = decide.body(Fixtures.decision("APPLY_POLICY", longAgo, longAgo,
                longAgo.plusMonths(3))).post("/cases/" + kase.id() + "/decision").then();
        refused(early, "DATES_OUT_OF_ORDER", "/decidedOn");
        early.body("detail", containsString("2020-01-06")).body("detail", containsString(TODAY.minusDays(1).toString()));
        // Before the prior warning (sent today), though after the referral.
        refused(Api.as(Fixtures.DECIDER).header("If-Match", kase.etag()).body(Fixtures.decision("APPLY_POLICY",
                TODAY.minusDays(1), TODAY.minusDays(1), TODAY.plusMonths(1))).post("/cases/" + kase.id() + "/decision")
                .then(), "DATES_OUT_OF_ORDER", "/decidedOn");
        refused(Api.as(Fixtures.DECIDER).header("If-Match", kase.etag()).body(Fixtures.decision("APPLY_POLICY",
                TODAY.plusDays(1), TODAY.plusDays(1), TODAY.plusMonths(1))).post("/cases/" + kase.id() + "/decision")
                .then(), "DATE_IN_FUTURE", "/decidedOn");
        refused(Api.as(Fixtures.DECIDER).header("If-Match", kase.etag()).body(Fixtures.decision("APPLY_POLICY",
                TODAY, TODAY.minusDays(1), TODAY.plusMonths(1))).post("/cases/" + kase.id() + "/decision").then(),
                "DATES_OUT_OF_ORDER", "/customerToldOn");
        // Nothing refused was written: the case is still waiting for its decision, at the same version.
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("ASSESSED"))
                .header("ETag", equalTo(kase.etag()));
        Api.as(Fixtures.DECIDER).header("If-Match", kase.etag()).body(Fixtures.decision("APPLY_POLICY", TODAY, TODAY,
                TODAY.plusMonths(1))).post("/cases/" + kase.id() + "/decision").then().statusCode(200);
    }

    @Test
    void aReviewDateAlreadyPastIsRefusedEvenInsideTheHorizon() {
        Case kase = Fixtures.assessed();
        refused(Api.as(Fixtures.DECIDER).header("If-Match", kase.etag()).body(Fixtures.decision("APPLY_POLICY",
                TODAY.minusDays(10), TODAY.minusDays(10), TODAY.minusDays(2))).post("/cases/" + kase.id()
                        + "/decision").then(), "DATE_IN_PAST", "/reviewOn");
    }

    @Test
    void aReferralIsNotDatedInTheFutureAndEachStepFollowsIt() {
        String customer = Fixtures.customer("Dates " + UUID.randomUUID());
        refused(Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer, "\"UNREASONABLY_PERSISTENT\"")
                .replace(Fixtures.REFERRED_ON.toString(), TODAY.plusDays(1).toString())).post("/cases").then(),
                "DATE_IN_FUTURE", "/referredOn");
        Case kase = Fixtures.referred();
        LocalDate beforeReferral = Fixtures.REFERRED_ON.minusDays(1);
        refused(Api.as(Fixtures.OFFICER).header("If-Match", kase.etag()).body(Fixtures.WARNING_LETTER.formatted(
                beforeReferral, beforeReferral)).post("/cases/" + kase.id() + "/prior-warning").then(),
                "DATES_OUT_OF_ORDER", "/sentOn");
        // One rule, one answer: a future date is 422 DATE_IN_FUTURE here as everywhere (it was 400 before).
        refused(Api.as(Fixtures.OFFICER).header("If-Match", kase.etag()).body(Fixtures.WARNING_LETTER.formatted(
                TODAY, TODAY.plusDays(1))).post("/cases/" + kase.id() + "/prior-warning").then(),
                "DATE_IN_FUTURE", "/sentOn");
        refused(Api.as(Fixtures.OFFICER).header("If-Match", kase.etag()).body(Fixtures.WARNING_LETTER.formatted(
                TODAY, TODAY.minusDays(1))).post("/cases/" + kase.id() + "/prior-warning").then(),
                "DATES_OUT_OF_ORDER", "/sentOn");
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then().body("items", hasSize(0));
    }

    @Test
    void aPriorWarningRecordedAsSentIsTheOneLetterTheCustomerReceived() {
        Case kase = Fixtures.referred();
        LocalDate sentOn = TODAY.minusDays(14);
        Fixtures.step(kase, Fixtures.OFFICER, "POST", "prior-warning",
                Fixtures.WARNING_LETTER.formatted(TODAY.minusDays(20), sentOn));
        var letters = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("PRIOR_WARNING"))
                .body("items[0].sentOn", equalTo(sentOn.toString())).extract();
        String text = letters.path("items[0].text");
        org.hamcrest.MatcherAssert.assertThat("dated the day it was sent", text,
                containsString(String.valueOf(sentOn.getDayOfMonth())));
        String id = letters.path("items[0].id");
        String etag = Api.as(Fixtures.OFFICER).get("/letters/" + id).then().extract().header("ETag");
        Api.as(Fixtures.OFFICER).header("If-Match", etag).body("{\"sentOn\":\"" + TODAY + "\"}")
                .post("/letters/" + id + "/sending").then().statusCode(409);
    }

    @Test
    void aContactIsRecordedOnlyOnceItHasHappenedAllowingForClocks() {
        String customer = Fixtures.customer("Contact " + UUID.randomUUID());
        ZonedDateTime now = ZonedDateTime.now(java.time.ZoneOffset.UTC);
        String inAMonth = TO_SECONDS.format(now.plusDays(35));
        long contacts = contactsOf(customer);
        refused(Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customer + "\",\"channel\":\"TELEPHONE\","
                + "\"at\":\"" + inAMonth + "\",\"record\":true}").post("/contact-checks").then(), "DATE_IN_FUTURE",
                "/at");
        assertEquals(contacts, contactsOf(customer));
        // Asking about a time ahead records nothing and is allowed.
        Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customer + "\",\"channel\":\"TELEPHONE\",\"at\":\""
                + inAMonth + "\"}").post("/contact-checks").then().statusCode(200);
        // A caller's clock a minute ahead of ours is within the allowance.
        Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customer + "\",\"channel\":\"TELEPHONE\",\"at\":\""
                + TO_SECONDS.format(now.plusMinutes(1)) + "\",\"record\":true}").post("/contact-checks")
                .then().statusCode(200);
        assertEquals(contacts + 1, contactsOf(customer));
    }

    @Test
    void evidenceLettersAppealsAndRestrictionsKeepTheOrderToo() {
        Case kase = Fixtures.applied();
        refused(Api.as(Fixtures.OFFICER).body("{\"occurredAt\":\"" + TO_SECONDS.format(ZonedDateTime.now().plusDays(2))
                + "\",\"channel\":\"TELEPHONE\","
                + "\"officer\":\"J. Smith\",\"behaviours\":[\"REPETITION\"],\"summary\":\"Called again.\"}")
                .post("/cases/" + kase.id() + "/evidence").then(), "DATE_IN_FUTURE", "/occurredAt");
        refused(Api.as(Fixtures.DECIDER).body(Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}")
                .replace("\"reasons\"", "\"endsOn\":\"" + TODAY.minusDays(1) + "\",\"reasons\""))
                .post("/cases/" + kase.id() + "/restrictions").then(), "DATES_OUT_OF_ORDER", "/endsOn");
        refused(Api.as(Fixtures.DECIDER).body(Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}")
                .replace("\"startsOn\":\"" + TODAY, "\"startsOn\":\"" + TODAY.minusDays(2)))
                .post("/cases/" + kase.id() + "/restrictions").then(), "DATES_OUT_OF_ORDER", "/startsOn");

        String letter = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                .extract().path("items.find { it.kind == 'DECISION_TO_APPLY' }.id");
        refused(Api.as(Fixtures.OFFICER).header("If-Match", "\"0\"").body("{\"sentOn\":\"" + TODAY.plusDays(1)
                + "\"}").post("/letters/" + letter + "/sending").then(), "DATE_IN_FUTURE", "/sentOn");
        refused(Api.as(Fixtures.OFFICER).header("If-Match", "\"0\"").body("{\"sentOn\":\"" + TODAY.minusDays(1)
                + "\"}").post("/letters/" + letter + "/sending").then(), "DATES_OUT_OF_ORDER", "/sentOn");

        String decision = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
        String appeal = "{\"decisionId\":\"" + decision + "\",\"receivedOn\":\"%s\",\"channel\":\"LETTER\","
                + "\"grounds\":[\"DISPROPORTIONATE\"],\"text\":\"Too hard for me.\"}";
        refused(Api.as(Fixtures.OFFICER).body(appeal.formatted(TODAY.plusDays(1))).post("/appeals").then(),
                "DATE_IN_FUTURE", "/receivedOn");
        refused(Api.as(Fixtures.OFFICER).body(appeal.formatted(TODAY.minusDays(5))).post("/appeals").then(),
                "DATES_OUT_OF_ORDER", "/receivedOn");
        assertEquals(0, TestServices.count("select count(*) from appeal where decision_id = ?",
                UUID.fromString(decision)));
    }

    private static long contactsOf(String customer) {
        return TestServices.count("select count(*) from contact where customer_id = ?", UUID.fromString(customer));
    }
}
