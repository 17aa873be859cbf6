package org.ubcs.appeal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class AppealTest {

    static final String REVIEWER = "APPEAL_REVIEWER";
    static final LocalDate TODAY = Fixtures.TODAY;

    @Inject
    Pool database;

    /** A case whose decision to apply the policy the customer was told of on {@code toldOn}. */
    private static Case decidedOn(LocalDate toldOn) {
        return Fixtures.decidedEarlier(toldOn, toldOn.plusMonths(6));
    }

    private static String decisionOf(Case kase) {
        return Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
    }

    private static String appealBody(String decisionId, LocalDate receivedOn) {
        return """
                {"decisionId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                 "text":"Letters only is too hard for me."}""".formatted(decisionId, receivedOn);
    }

    private static ExtractableResponse<Response> lodge(String decisionId, LocalDate receivedOn) {
        return Api.as(Fixtures.OFFICER).body(appealBody(decisionId, receivedOn)).post("/appeals").then()
                .statusCode(201).extract();
    }

    private static String deadline(LocalDate from, int workingDays) {
        return Api.as(REVIEWER).queryParam("from", from.toString()).queryParam("workingDays", workingDays)
                .get("/calendar/deadlines").then().statusCode(200).extract().path("deadline");
    }

    @Test
    void anAppealOnTimeIsLodgedWithBothDeadlinesInWorkingDays() {
        Case kase = decidedOn(TODAY.minusDays(1));
        String decision = decisionOf(kase);
        ExtractableResponse<Response> appeal = lodge(decision, TODAY);
        assertEquals("LODGED", appeal.path("state"));
        assertEquals(false, appeal.path("late"));
        assertEquals(deadline(TODAY.minusDays(1), 15), appeal.path("appealBy"));
        assertEquals(deadline(TODAY, 15), appeal.path("decisionDueOn"));
        Api.as("DECISION_MAKER").queryParam("caseId", kase.id()).get("/appeals").then()
                .body("items.id", contains((String) appeal.path("id")));
        Api.as("LEGAL").queryParam("dueWithinWorkingDays", 15).queryParam("limit", 100).get("/appeals").then()
                .body("items.id", hasItem((String) appeal.path("id")));
        Api.as("LEGAL").queryParam("dueWithinWorkingDays", 0).queryParam("caseId", kase.id()).get("/appeals").then()
                .body("items.size()", equalTo(0));
        // One live appeal per decision.
        Api.as(Fixtures.OFFICER).body(appealBody(decision, TODAY)).post("/appeals").then().statusCode(422)
                .body("rule", equalTo("LIVE_APPEAL_EXISTS"));
    }

    @Test
    void aLateAppealWaitsForDiscretionAndIsAcceptedOrRefused() {
        Case kase = decidedOn(TODAY.minusDays(60));
        ExtractableResponse<Response> late = lodge(decisionOf(kase), TODAY);
        assertEquals("LATE", late.path("state"));
        assertEquals(true, late.path("late"));
        String id = late.path("id");
        Api.as(REVIEWER).header("If-Match", late.header("ETag"))
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"x\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + id + "/decision").then().statusCode(409)
                .body("allowedSteps", contains("ACCEPT_LATE_APPEAL", "REFUSE_LATE_APPEAL", "WITHDRAW_APPEAL"));
        Api.as(REVIEWER).header("If-Match", late.header("ETag"))
                .body("{\"reason\":\"The customer was in hospital.\"}").post("/appeals/" + id + "/late-acceptance")
                .then().statusCode(200).body("state", equalTo("LODGED"))
                .body("decisionDueOn", equalTo(deadline(TODAY, 15)))
                .body("lateAcceptance.reason", equalTo("The customer was in hospital."))
                .body("lateAcceptance.recordedBy.subject", equalTo("test-appeal_reviewer"));

        Case other = decidedOn(TODAY.minusDays(60));
        ExtractableResponse<Response> refused = lodge(decisionOf(other), TODAY);
        Api.as(REVIEWER).header("If-Match", refused.header("ETag"))
                .body("{\"reason\":\"Six weeks late, no explanation.\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + refused.path("id") + "/refusal").then().statusCode(200)
                .body("state", equalTo("REFUSED_OUT_OF_TIME"))
                .body("refusal.customerToldOn", equalTo(TODAY.toString()))
                .body("ombudsman.name", notNullValue());
    }

    @Test
    void anUpheldAppealQuashesAndLiftsTheRestrictions() {
        Case kase = decidedOn(TODAY.minusDays(1));
        String restriction = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"));
        ExtractableResponse<Response> appeal = lodge(decisionOf(kase), TODAY);
        Api.as(REVIEWER).header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"UPHELD\",\"reasons\":\"Disproportionate.\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(200)
                .body("state", equalTo("DECIDED")).body("decision.outcome", equalTo("UPHELD"))
                .body("decision.restrictionsLifted", contains(restriction))
                .body("ombudsman", nullValue());
        Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"))
                .body("lifting.reasons", equalTo("Appeal upheld: Disproportionate."));
        Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"FACE_TO_FACE\"}")
                .post("/contact-checks").then().body("verdict", equalTo("ALLOW"));
    }

    @Test
    void aDismissedAppealPointsToTheOmbudsman() {
        Case kase = decidedOn(TODAY.minusDays(1));
        ExtractableResponse<Response> appeal = lodge(decisionOf(kase), TODAY);
        String id = appeal.path("id");
        Api.as(REVIEWER).header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"Proportionate.\",\"customerToldOn\":\""
                        + TODAY.plusDays(1) + "\"}")
                .post("/appeals/" + id + "/decision").then().statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"));
        Api.as(REVIEWER).header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"Proportionate.\",\"customerToldOn\":\""
                        + TODAY.minusDays(1) + "\"}")
                .post("/appeals/" + id + "/decision").then().statusCode(422)
                .body("rule", equalTo("DATES_OUT_OF_ORDER")).body("errors[0].pointer", equalTo("/customerToldOn"));
        String etag = Api.as(REVIEWER).header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"Proportionate.\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + id + "/decision").then().statusCode(200)
                .body("ombudsman.name", equalTo("Local Government and Social Care Ombudsman"))
                .body("ombudsman.url", equalTo("https://www.lgo.org.uk")).extract().header("ETag");
        Api.as(REVIEWER).header("If-Match", etag).body("{\"reason\":\"Too late.\"}")
                .post("/appeals/" + id + "/withdrawal").then().statusCode(409);
        Api.as(REVIEWER).header("If-Match", "\"0\"").body("{\"reason\":\"x\"}")
                .post("/appeals/" + id + "/withdrawal").then().statusCode(412);
        Api.malformedAs(REVIEWER).body("{\"reason\":\"x\"}").post("/appeals/" + id + "/withdrawal").then()
                .statusCode(428);
    }

    @Test
    void whoeverTookPartInTheDecisionCannotReviewIt() {
        Case assessed = Fixtures.assessed();
        String decidedEtag = Api.asUser("dual-reviewer", "Dual Reviewer", "DECISION_MAKER", REVIEWER)
                .header("If-Match", assessed.etag())
                .body(Fixtures.decision("APPLY_POLICY", TODAY.minusDays(1), TODAY.minusDays(1), TODAY.plusMonths(2)))
                .post("/cases/" + assessed.id() + "/decision").then().statusCode(200).extract().header("ETag");
        Case kase = new Case(assessed.id(), decidedEtag, assessed.customerId());
        ExtractableResponse<Response> appeal = lodge(decisionOf(kase), TODAY);
        Api.asUser("dual-reviewer", "Dual Reviewer", "DECISION_MAKER", REVIEWER)
                .header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"DISMISSED\",\"reasons\":\"Mine was right.\",\"customerToldOn\":\"" + TODAY + "\"}")
                .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(422)
                .body("rule", equalTo("REVIEWER_TOOK_PART"));
        Api.as(REVIEWER).get("/appeals/" + appeal.path("id")).then().body("state", equalTo("LODGED"));
    }

    @Test
    void aWithdrawnAppealMakesWayForANewOne() {
        Case kase = decidedOn(TODAY.minusDays(1));
        String decision = decisionOf(kase);
        ExtractableResponse<Response> first = lodge(decision, TODAY);
        Api.as(Fixtures.OFFICER).header("If-Match", first.header("ETag")).body("{\"reason\":\"By letter.\"}")
                .post("/appeals/" + first.path("id") + "/withdrawal").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN")).body("withdrawal.reason", equalTo("By letter."));
        lodge(decision, TODAY);
    }

    @Test
    void refusesAppealsThatCannotBeLodged() {
        Case notApplied = Fixtures.step(Fixtures.assessed(), Fixtures.DECIDER, "POST", "decision",
                Fixtures.decision("DO_NOT_APPLY_POLICY", TODAY, TODAY, null));
        Api.as(Fixtures.OFFICER).body(appealBody(decisionOf(notApplied), TODAY)).post("/appeals").then()
                .statusCode(422).body("rule", equalTo("NOTHING_TO_APPEAL"));
        Api.as(Fixtures.OFFICER).body(appealBody(UUID.randomUUID().toString(), TODAY)).post("/appeals").then()
                .statusCode(422).body("type", equalTo("urn:ubcs:problem:unknown-reference"));
        Case kase = decidedOn(TODAY.minusDays(5));
        Api.as(Fixtures.OFFICER).body(appealBody(decisionOf(kase), TODAY.plusDays(1))).post("/appeals").then()
                .statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"))
                .body("errors[0].pointer", equalTo("/receivedOn"));
        Api.as(Fixtures.OFFICER).body(appealBody(decisionOf(kase), TODAY.minusDays(6))).post("/appeals").then()
                .statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"));
        Api.malformedAs(Fixtures.OFFICER).body(appealBody(decisionOf(kase), TODAY).replace("DISPROPORTIONATE", "UNFAIR"))
                .post("/appeals").then().statusCode(400).body("type", equalTo("urn:ubcs:problem:unknown-enum-value"));
        Api.malformedAs(Fixtures.OFFICER).body(appealBody(decisionOf(kase), TODAY).replace("[\"DISPROPORTIONATE\"]", "[]"))
                .post("/appeals").then().statusCode(400).body("errors[0].pointer", equalTo("/grounds"));
        Api.as(REVIEWER).queryParam("caseId", kase.id()).get("/appeals").then().body("items.size()", equalTo(0));
        Api.malformedAs(REVIEWER).queryParam("dueWithinWorkingDays", -1).get("/appeals").then().statusCode(400);
        Api.as(REVIEWER).get("/appeals/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anAppealAgainstARegisterEntryIsRefusedWhereThePolicyKeepsNoRegister() {
        Api.as(Fixtures.OFFICER).body("""
                {"registerEntryId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["OTHER"],
                 "text":"Take me off the register."}""".formatted(UUID.randomUUID(), TODAY)).post("/appeals").then()
                .statusCode(422).body("rule", equalTo("REGISTER_NOT_USED"))
                .body("errors[0].pointer", equalTo("/registerEntryId"));
    }

    @Test
    void overdueAppealsAndOpenAppealWindowsAreListed() {
        Case recent = decidedOn(TODAY.minusDays(1));
        Case old = decidedOn(TODAY.minusDays(90));
        Api.as("LEGAL").queryParam("appealWindowOpen", true).queryParam("caseId", recent.id()).get("/decisions")
                .then().statusCode(200).body("items.decisionId", contains(decisionOf(recent)))
                .body("items[0].appealBy", equalTo(deadline(TODAY.minusDays(1), 15)))
                .body("items[0].customerId", equalTo(recent.customerId()));
        Api.as("LEGAL").queryParam("appealWindowOpen", true).queryParam("caseId", old.id()).get("/decisions").then()
                .body("items.size()", equalTo(0));
        Api.as("LEGAL").queryParam("appealWindowOpen", false).queryParam("caseId", old.id()).get("/decisions").then()
                .body("items[0].appealWindowOpen", equalTo(false));

        String id = lodge(decisionOf(recent), TODAY).path("id");
        database.preparedQuery("update appeal set decision_due_on = $1 where id = $2")
                .execute(Tuple.of(TODAY.minusDays(1), UUID.fromString(id))).await().indefinitely();
        Api.as(REVIEWER).queryParam("overdue", true).queryParam("limit", 100).get("/appeals").then()
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.decisionOverdue", equalTo(true));
    }

    @Test
    void addingAHolidayMovesTheDeadlinesOfOpenAppeals() {
        Case kase = decidedOn(TODAY.minusDays(1));
        ExtractableResponse<Response> appeal = lodge(decisionOf(kase), TODAY);
        LocalDate before = LocalDate.parse(appeal.path("decisionDueOn"));
        // A working day inside the appeal's decision window becomes a holiday.
        LocalDate proclaimed = LocalDate.parse(deadline(TODAY, 3));
        String override = Api.as("POLICY_OWNER").body("{\"region\":\"ENGLAND_AND_WALES\",\"date\":\"" + proclaimed
                + "\",\"kind\":\"ADD_HOLIDAY\",\"name\":\"Proclaimed\"}").post("/calendar/overrides").then()
                .statusCode(201).body("appealsRecomputed", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .extract().path("id");
        try {
            String moved = Api.as(REVIEWER).get("/appeals/" + appeal.path("id")).then().extract()
                    .path("decisionDueOn");
            assertEquals(deadline(before, 1), moved, "one working day later");
            Api.as("AUDITOR").queryParam("entityId", (String) appeal.path("id")).get("/audit-events").then()
                    .body("items.action", hasItem("APPEAL_DEADLINES_RECOMPUTED"));
        } finally {
            Api.as("POLICY_OWNER").delete("/calendar/overrides/" + override).then().statusCode(204);
        }
        Api.as(REVIEWER).get("/appeals/" + appeal.path("id")).then()
                .body("decisionDueOn", equalTo(before.toString()))
                .body("state", not(equalTo("LATE")));
    }

    @Test
    void aDecisionBecomesFinalOnceItsAppealWindowClosesWithNoAppealLive() {
        Case closed = decidedOn(TODAY.minusDays(60));
        Case open = decidedOn(TODAY.minusDays(1));
        Case appealed = decidedOn(TODAY.minusDays(60));
        lodge(decisionOf(appealed), TODAY.minusDays(59));

        Fixtures.runJob("CLOSE_APPEAL_WINDOWS");
        assertEquals(0, Fixtures.runJob("CLOSE_APPEAL_WINDOWS"), "a second run finds nothing more to close");

        Api.as(Fixtures.OFFICER).get("/cases/" + closed.id()).then().body("decision.finalOn", equalTo(TODAY.toString()));
        Api.as(Fixtures.OFFICER).get("/cases/" + open.id()).then().body("decision.finalOn", nullValue());
        Api.as(Fixtures.OFFICER).get("/cases/" + appealed.id()).then().body("decision.finalOn", nullValue());
        Api.as("AUDITOR").get("/cases/" + closed.id() + "/history").then()
                .body("items.findAll { it.action == 'DECISION_FINAL' }.actor.subject", contains("test-policy_owner"));
    }

    @Test
    void thePolicyOwnerIsToldOnceOfAnAppealNotDecidedInTime() {
        Case kase = decidedOn(TODAY.minusDays(1));
        String appeal = lodge(decisionOf(kase), TODAY).path("id");
        TestServices.sql("update appeal set decision_due_on = ? where id = ?", TODAY.minusDays(1),
                UUID.fromString(appeal));

        Fixtures.runJob("FLAG_OVERDUE_APPEAL_DECISIONS");
        Fixtures.runJob("FLAG_OVERDUE_APPEAL_DECISIONS");
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'APPEAL_DECISION_OVERDUE' }.recipient", contains("POLICY_OWNER"))
                .body("items.findAll { it.kind == 'APPEAL_DECISION_OVERDUE' }.subject",
                        contains(containsString("overdue")));
    }
}
