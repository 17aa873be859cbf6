package org.ubcs.cases;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The procedure's order and rules, under the default profile (review at most six months ahead, no minimum). */
@QuarkusTest
class CaseProcedureTest {

    static final String OFFICER = Fixtures.OFFICER;
    static final String DECIDER = Fixtures.DECIDER;
    static final LocalDate TODAY = Fixtures.TODAY;

    private static ValidatableResponse decide(Case kase, String body) {
        return Api.as(DECIDER).header("If-Match", kase.etag()).body(body).post("/cases/" + kase.id() + "/decision")
                .then();
    }

    private static String apply(LocalDate reviewOn) {
        return Fixtures.decision("APPLY_POLICY", TODAY.minusDays(2), TODAY.minusDays(1), reviewOn);
    }

    @Test
    void aReferralRecordsFormAAndTheReferringOfficer() {
        Case kase = Fixtures.referred();
        Api.as("APPEAL_REVIEWER").get("/cases/" + kase.id()).then().statusCode(200)
                .header("ETag", equalTo(kase.etag()))
                .body("status", equalTo("REFERRED"))
                .body("allowedSteps", contains("RECORD_EVIDENCE", "RECORD_PRIOR_WARNING", "RECORD_PRECONDITIONS",
                        "CLOSE"))
                .body("referral.referredBy.subject", equalTo("test-complaints_officer"))
                .body("referral.checklist.ombudsman.details", equalTo("No fault"))
                .body("referral.checklist.alternativesTried[0].alternative", equalTo("MEDIATION"))
                .body("referral.documents[0].reference", equalTo("DMS-1"));
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheAllowedNextSteps() {
        Case kase = Fixtures.referred();
        decide(kase, apply(TODAY.plusMonths(3))).statusCode(409)
                .body("type", equalTo("urn:ubcs:problem:illegal-step"))
                .body("allowedSteps", contains("RECORD_EVIDENCE", "RECORD_PRIOR_WARNING", "RECORD_PRECONDITIONS",
                        "CLOSE"));
        Api.as(OFFICER).header("If-Match", kase.etag()).body(Fixtures.ASSESSMENT)
                .post("/cases/" + kase.id() + "/assessment").then().statusCode(409)
                .body("allowedSteps", not(hasItem("RECORD_ASSESSMENT")));
        Case warned = Fixtures.step(kase, OFFICER, "POST", "prior-warning",
                Fixtures.WARNING_LETTER.formatted(TODAY.minusDays(3), TODAY.minusDays(2)));
        // The informal stage happens once.
        Api.as(OFFICER).header("If-Match", warned.etag())
                .body(Fixtures.WARNING_LETTER.formatted(TODAY.minusDays(3), TODAY.minusDays(2)))
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(409);
        Api.as(OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("INFORMAL_STAGE_COMPLETED"))
                .body("priorWarning.warning.type", equalTo("WARNING_LETTER"))
                .body("priorWarning.recordedBy.subject", equalTo("test-complaints_officer"));
    }

    @Test
    void thePriorWarningMaySkipOnlyForCriminalActivityOrRiskToStaff() {
        Case kase = Fixtures.referred();
        Api.malformedAs(OFFICER).header("If-Match", kase.etag())
                .body("{\"type\":\"WARNING_SKIPPED\",\"ground\":\"TOO_BUSY\",\"details\":\"x\"}")
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:unknown-enum-value"))
                .body("errors[0].pointer", equalTo("/ground"));
        Api.malformedAs(OFFICER).header("If-Match", kase.etag())
                .body("{\"type\":\"WARNING_POSTCARD\",\"details\":\"x\"}")
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:unknown-enum-value"))
                .body("errors[0].pointer", equalTo("/type"));
        // A skipped warning with a letter's fields fits neither variant.
        Api.malformedAs(OFFICER).header("If-Match", kase.etag())
                .body("{\"type\":\"WARNING_SKIPPED\",\"channel\":\"LETTER\",\"summary\":\"s\"}")
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:unknown-property"))
                .body("errors[0].pointer", equalTo("/channel"));
        Api.malformedAs(OFFICER).header("If-Match", kase.etag()).body("{\"ground\":\"RISK_TO_STAFF\"}")
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/type"));
        Api.malformedAs(OFFICER).header("If-Match", kase.etag())
                .body("{\"type\":\"WARNING_LETTER\",\"channel\":\"LETTER\",\"summary\":\"s\"}")
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(400)
                .body("errors.pointer", hasItem("/sentOn"));
        Api.as(OFFICER).header("If-Match", kase.etag())
                .body(Fixtures.WARNING_LETTER.formatted(TODAY, TODAY.plusDays(1)))
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(422)
                .body("rule", equalTo("DATE_IN_FUTURE")).body("errors[0].pointer", equalTo("/sentOn"));

        Fixtures.step(kase, OFFICER, "POST", "prior-warning",
                "{\"type\":\"WARNING_SKIPPED\",\"ground\":\"RISK_TO_STAFF\",\"details\":\"Threatened an officer.\"}");
        Api.as(OFFICER).get("/cases/" + kase.id()).then()
                .body("priorWarning.warning.ground", equalTo("RISK_TO_STAFF"))
                .body("status", equalTo("INFORMAL_STAGE_COMPLETED"));
    }

    @Test
    void aDecisionWaitsForEveryPreconditionAndApplyingNeedsThemAllMet() {
        Case kase = Fixtures.referred();
        kase = Fixtures.step(kase, OFFICER, "POST", "prior-warning",
                Fixtures.WARNING_LETTER.formatted(TODAY.minusDays(9), TODAY.minusDays(8)));
        kase = Fixtures.step(kase, OFFICER, "PUT", "preconditions",
                "{\"complaintProperlyInvestigated\":{\"met\":true},\"deadlinesGiven\":{\"met\":false}}");
        kase = Fixtures.step(kase, OFFICER, "POST", "assessment", Fixtures.ASSESSMENT);
        Api.as(OFFICER).get("/cases/" + kase.id()).then().body("preconditions.allAnswered", equalTo(false))
                .body("preconditions.suitableCommunication", nullValue());

        decide(kase, apply(TODAY.plusMonths(2))).statusCode(422).body("rule", equalTo("PRECONDITIONS_UNANSWERED"));
        kase = Fixtures.step(kase, DECIDER, "PUT", "preconditions", Fixtures.ALL_PRECONDITIONS_MET
                .replace("\"deadlinesGiven\":{\"met\":true}", "\"deadlinesGiven\":{\"met\":false,\"note\":\"none\"}"));
        decide(kase, apply(TODAY.plusMonths(2))).statusCode(422).body("rule", equalTo("PRECONDITIONS_NOT_MET"));
        // Not applying the policy is still a decision that can be taken.
        decide(kase, Fixtures.decision("DO_NOT_APPLY_POLICY", TODAY, TODAY, null)).statusCode(200)
                .body("status", equalTo("POLICY_NOT_APPLIED"))
                .body("decision.outcome", equalTo("DO_NOT_APPLY_POLICY"))
                .body("decision.reviewOn", nullValue());
    }

    @Test
    void theReferringOfficerCannotDecideTheirOwnReferral() {
        String customer = Fixtures.customer("Dual role");
        String body = Fixtures.referralBody(customer, "\"UNACCEPTABLE_BEHAVIOUR\"");
        var created = Api.asUser("dual-officer", "Dual Officer", OFFICER, DECIDER).body(body).post("/cases").then()
                .statusCode(201).extract();
        Case kase = new Case(created.path("id"), created.header("ETag"), customer);
        kase = stepAs(kase, "PUT", "preconditions", Fixtures.ALL_PRECONDITIONS_MET);
        kase = stepAs(kase, "POST", "prior-warning", Fixtures.WARNING_LETTER.formatted(TODAY.minusDays(5),
                TODAY.minusDays(3)));
        kase = stepAs(kase, "POST", "assessment", Fixtures.ASSESSMENT);
        Api.asUser("dual-officer", "Dual Officer", OFFICER, DECIDER).header("If-Match", kase.etag())
                .body(apply(TODAY.plusMonths(1))).post("/cases/" + kase.id() + "/decision").then().statusCode(422)
                .body("rule", equalTo("DECIDER_IS_REFERRER"));
        decide(kase, apply(TODAY.plusMonths(1))).statusCode(200);
    }

    private static Case stepAs(Case kase, String method, String step, String body) {
        String etag = Api.asUser("dual-officer", "Dual Officer", OFFICER, DECIDER).header("If-Match", kase.etag())
                .body(body).request(method, "/cases/" + kase.id() + "/" + step).then().statusCode(200).extract()
                .header("ETag");
        return new Case(kase.id(), etag, kase.customerId());
    }

    @Test
    void theReviewDateMustFallInsideThePolicyWindow() {
        Case kase = Fixtures.assessed();
        LocalDate decidedOn = TODAY.minusDays(2);
        decide(kase, Fixtures.decision("APPLY_POLICY", decidedOn, decidedOn, decidedOn.plusMonths(6).plusDays(1)))
                .statusCode(422).body("rule", equalTo("REVIEW_DATE_TOO_FAR"))
                .body("detail", org.hamcrest.Matchers.containsString(decidedOn.plusMonths(6).toString()));
        decide(kase, Fixtures.decision("APPLY_POLICY", TODAY, TODAY, TODAY)).statusCode(422)
                .body("rule", equalTo("REVIEW_DATE_NOT_AFTER_DECISION"));
        decide(kase, Fixtures.decision("APPLY_POLICY", decidedOn, decidedOn, decidedOn.plusDays(1))).statusCode(422)
                .body("rule", equalTo("DATE_IN_PAST")).body("errors[0].pointer", equalTo("/reviewOn"));
        decide(kase, Fixtures.decision("APPLY_POLICY", TODAY.plusDays(1), TODAY.plusDays(1), TODAY.plusMonths(1)))
                .statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"));
        decide(kase, Fixtures.decision("APPLY_POLICY", decidedOn, decidedOn.minusDays(1), TODAY.plusMonths(1)))
                .statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"))
                .body("errors[0].pointer", equalTo("/customerToldOn"));
        decide(kase, Fixtures.decision("APPLY_POLICY", decidedOn, decidedOn, null)).statusCode(400)
                .body("errors[0].pointer", equalTo("/reviewOn"));
        decide(kase, Fixtures.decision("DO_NOT_APPLY_POLICY", decidedOn, decidedOn, TODAY.plusMonths(1)))
                .statusCode(400).body("errors[0].pointer", equalTo("/reviewOn"));

        // Nothing was written by the refusals: same version, no decision, no audit event.
        Api.as(OFFICER).get("/cases/" + kase.id()).then().header("ETag", equalTo(kase.etag()))
                .body("status", equalTo("ASSESSED")).body("decision", nullValue());
        Api.as("AUDITOR").get("/cases/" + kase.id() + "/history").then()
                .body("items.action", not(hasItem("DECISION_RECORDED")));

        decide(kase, Fixtures.decision("APPLY_POLICY", decidedOn, decidedOn, decidedOn.plusMonths(6)))
                .statusCode(200).body("decision.reviewOn", equalTo(decidedOn.plusMonths(6).toString()))
                .body("decision.agreedActions.type", contains("NAMED_CONTACT", "RESTRICTED_MEANS_OF_CONTACT"))
                .body("decision.decidedAs", equalTo("Departmental Representative and Head of Customer Contact"));
    }

    @Test
    void everyStepNeedsTheCurrentETag() {
        Case kase = Fixtures.referred();
        String warning = Fixtures.WARNING_LETTER.formatted(TODAY, TODAY);
        Api.malformedAs(OFFICER).body(warning).post("/cases/" + kase.id() + "/prior-warning").then()
                .statusCode(428).body("type", equalTo("urn:ubcs:problem:version-required"));
        Case after = Fixtures.step(kase, OFFICER, "PUT", "preconditions", Fixtures.ALL_PRECONDITIONS_MET);
        // The preconditions changed the case, so the ETag read before them is stale.
        Api.as(OFFICER).header("If-Match", kase.etag()).body(warning).post("/cases/" + kase.id() + "/prior-warning")
                .then().statusCode(412).body("type", equalTo("urn:ubcs:problem:stale-version"));
        Api.as(OFFICER).header("If-Match", after.etag()).body(warning)
                .post("/cases/" + kase.id() + "/prior-warning").then().statusCode(200);
        Api.as(OFFICER).header("If-Match", "\"0\"").body(warning).post("/cases/" + UUID.randomUUID() + "/prior-warning")
                .then().statusCode(404);
    }

    @Test
    void aComplexCaseNeedsAProfileThatUsesIt() {
        String customer = Fixtures.customer("Complex");
        Api.as(OFFICER).body(Fixtures.referralBody(customer, "\"COMPLEX\"")).post("/cases").then().statusCode(422)
                .body("type", equalTo("urn:ubcs:problem:policy-rule"))
                .body("rule", equalTo("CLASSIFICATION_NOT_IN_USE"));
    }

    @Test
    void refusesIncompleteOrInconsistentReferrals() {
        String customer = Fixtures.customer("Referral checks");
        String good = Fixtures.referralBody(customer, "\"UNREASONABLY_PERSISTENT\"");
        Api.as(OFFICER).body(good.replace("\"complaintsProcedureExhausted\":true",
                "\"complaintsProcedureExhausted\":false").replace("\"details\":\"No fault\"", "\"details\":\"\""))
                .post("/cases").then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/checklist/complaintsProcedureStage",
                        "/checklist/ombudsman/details"));
        Api.as(OFFICER).body(Fixtures.referralBody(UUID.randomUUID().toString(), "\"UNREASONABLY_PERSISTENT\""))
                .post("/cases").then().statusCode(422)
                .body("type", equalTo("urn:ubcs:problem:unknown-reference"))
                .body("errors[0].pointer", equalTo("/customerId"));
        Api.malformedAs(OFFICER).body(good.replace("[\"UNREASONABLY_PERSISTENT\"]", "[]")).post("/cases").then()
                .statusCode(400).body("errors[0].pointer", equalTo("/classifications"));
        Api.malformedAs(OFFICER).body(good.replace("\"meetingHeld\":true,", "")).post("/cases").then()
                .statusCode(400).body("errors[0].pointer", equalTo("/checklist/meetingHeld"));
        Api.malformedAs(OFFICER).body(good.replace("\"MEDIATION\"", "\"ARBITRATION\"")).post("/cases").then()
                .statusCode(400).body("type", equalTo("urn:ubcs:problem:unknown-enum-value"))
                .body("errors[0].pointer", equalTo("/checklist/alternativesTried/0/alternative"));
        Api.malformedAs(OFFICER).body(good.replace("\"" + customer + "\"", "\"not-a-uuid\"")).post("/cases").then()
                .statusCode(400).body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].pointer", equalTo("/customerId"));
        Api.as(OFFICER).queryParam("customerId", customer).get("/cases").then().body("items", hasSize(0));
    }

    @Test
    void closingRecordsAReasonThatFitsTheCase() {
        Case kase = Fixtures.referred();
        Api.as("DECISION_MAKER").header("If-Match", kase.etag()).body("{\"reason\":\"POLICY_NOT_APPLIED\"}")
                .post("/cases/" + kase.id() + "/closure").then().statusCode(422)
                .body("rule", equalTo("CLOSURE_REASON_INCONSISTENT"));
        Api.malformedAs("DECISION_MAKER").header("If-Match", kase.etag()).body("{\"reason\":\"BORED\"}")
                .post("/cases/" + kase.id() + "/closure").then().statusCode(400);
        Case closed = Fixtures.step(kase, "DECISION_MAKER", "POST", "closure",
                "{\"reason\":\"REFERRAL_WITHDRAWN\",\"notes\":\"Raised in error.\"}");
        Api.as("DECISION_MAKER").header("If-Match", closed.etag()).body("{\"reason\":\"OTHER\"}")
                .post("/cases/" + kase.id() + "/closure").then().statusCode(409)
                .body("allowedSteps", hasSize(0));
        Api.as(OFFICER).get("/cases/" + kase.id()).then().body("closure.reason", equalTo("REFERRAL_WITHDRAWN"))
                .body("closure.closedBy.subject", equalTo("test-decision_maker"));
    }

    @Test
    void listsCasesByFilterWithPages() {
        Case kase = Fixtures.referred("\"UNACCEPTABLE_BEHAVIOUR\",\"UNREASONABLY_PERSISTENT\"");
        Fixtures.referred(); // another customer's case
        Api.as("LEGAL").queryParam("customerId", kase.customerId()).queryParam("status", "REFERRED")
                .queryParam("classification", "UNACCEPTABLE_BEHAVIOUR").queryParam("department", "highways")
                .get("/cases").then().statusCode(200).body("items.id", contains(kase.id()));
        Api.as("LEGAL").queryParam("customerId", kase.customerId()).queryParam("status", "CLOSED").get("/cases")
                .then().body("items", hasSize(0));
        Api.as("LEGAL").queryParam("customerId", kase.customerId()).queryParam("reviewDueBefore", "2099-01-01")
                .get("/cases").then().body("items", hasSize(0));
        Api.as("LEGAL").queryParam("limit", 1).get("/cases").then().body("items", hasSize(1))
                .body("next", notNullValue());

        Api.malformedAs("LEGAL").queryParam("status", "LIMBO").get("/cases").then().statusCode(400)
                .body("errors[0].parameter", equalTo("status"));
        Api.malformedAs("LEGAL").queryParam("reviewDueBefore", "2026-02-30").get("/cases").then().statusCode(400)
                .body("errors[0].parameter", equalTo("reviewDueBefore"));
        Api.malformedAs("LEGAL").queryParam("customerId", "nobody").get("/cases").then().statusCode(400)
                .body("errors[0].parameter", equalTo("customerId"));
    }

    @Test
    void theHistoryTellsWhoDidWhatInOrder() {
        Case kase = Fixtures.assessed();
        Api.as("AUDITOR").get("/cases/" + kase.id() + "/history").then().statusCode(200)
                .body("items.action", contains("CASE_REFERRED", "PRIOR_WARNING_RECORDED", "LETTER_ISSUED",
                        "PRECONDITIONS_RECORDED", "ASSESSMENT_RECORDED"))
                .body("items.actor.name", hasItem("Test COMPLAINTS_OFFICER"))
                .body("items[1].changedFields", containsInAnyOrder("priorWarning", "status"));
        Api.as("AUDITOR").get("/cases/" + UUID.randomUUID() + "/history").then().statusCode(404);
    }
}
