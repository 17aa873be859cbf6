package org.ubcs.review;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Reviews under the default profile: a week's lead time, six months' horizon, overdue reviews lapse. */
@QuarkusTest
class ReviewTest {

    static final LocalDate TODAY = Fixtures.TODAY;

    private static ExtractableResponse<Response> taskOf(Case kase) {
        return Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then().statusCode(200)
                .body("items", hasSize(1)).extract();
    }

    private static String outcome(String recommendation, LocalDate nextReviewOn) {
        return """
                {"reviewers":["Departmental Representative","Head of Customer Contact"],"recommendation":"%s",
                 "reasons":"Contact is still daily on the closed complaint.","customerToldOn":"%s"%s}"""
                .formatted(recommendation, TODAY, nextReviewOn == null ? "" : ",\"nextReviewOn\":\"" + nextReviewOn + "\"");
    }

    @Test
    void aReviewTaskOpensAWeekAheadOnceAndTheReviewerIsTold() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(5));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("OPEN_REVIEW_TASKS"); // again, as a second replica would: nothing more
        ExtractableResponse<Response> task = taskOf(kase);
        org.junit.jupiter.api.Assertions.assertEquals(TODAY.plusDays(5).toString(), task.path("items[0].dueOn"));
        org.junit.jupiter.api.Assertions.assertEquals("SCHEDULED", task.path("items[0].kind"));
        org.junit.jupiter.api.Assertions.assertEquals("OPEN", task.path("items[0].state"));
        org.junit.jupiter.api.Assertions.assertEquals("Departmental Representative and Head of Customer Contact",
                task.path("items[0].assignedTo"));
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'REVIEW_DUE' }.recipient", contains("DECISION_MAKER"));
    }

    @Test
    void tasksOpenedTogetherInOneBatchAreEachAuditedAndToldOnce() {
        // The job writes a batch's tasks, audit events and notifications together: each task still has its own.
        java.util.List<Case> cases = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(2 + i))).toList();
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("OPEN_REVIEW_TASKS"); // again: nothing more
        for (Case kase : cases) {
            String id = taskOf(kase).path("items[0].id");
            Api.as("AUDITOR").queryParam("entityId", id).get("/audit-events").then().statusCode(200)
                    .body("items.action", contains("REVIEW_TASK_OPENED"))
                    .body("items[0].caseId", equalTo(kase.id()))
                    .body("items[0].changedFields", contains("kind", "dueOn", "opensOn", "assignedTo"));
            Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                    .body("items.findAll { it.kind == 'REVIEW_DUE' }.recipient", contains("DECISION_MAKER"));
        }
    }

    @Test
    void continuingSetsTheNextReviewAndTellsTheCustomerAndThoseTheProfileNames() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(3));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        ExtractableResponse<Response> task = taskOf(kase);
        String id = task.path("items[0].id");
        String etag = Api.as(Fixtures.DECIDER).get("/reviews/" + id).then().extract().header("ETag");

        Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body(outcome("CONTINUE", null))
                .post("/reviews/" + id + "/outcome").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/nextReviewOn"));
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome("CONTINUE", TODAY.plusMonths(7)))
                .post("/reviews/" + id + "/outcome").then().statusCode(422).body("rule", equalTo("REVIEW_DATE_TOO_FAR"));
        String done = Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome("CONTINUE", TODAY.plusMonths(6)))
                .post("/reviews/" + id + "/outcome").then().statusCode(200).body("state", equalTo("COMPLETED"))
                .body("outcome.nextReviewOn", equalTo(TODAY.plusMonths(6).toString()))
                .body("outcome.recordedBy.subject", equalTo("test-decision_maker")).extract().header("ETag");
        Api.as(Fixtures.DECIDER).header("If-Match", done).body(outcome("LIFT", null))
                .post("/reviews/" + id + "/outcome").then().statusCode(409);

        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("POLICY_APPLIED"))
                .body("nextReviewOn", equalTo(TODAY.plusMonths(6).toString()));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                .body("items.kind", hasItem("REVIEW_OUTCOME"));
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'REVIEW_OUTCOME' }.recipient",
                        containsInAnyOrder("CONTACT_CENTRE", "LOCAL_MEMBERS"));
    }

    @Test
    void modifyingRecordsTheOutcomeOnlyOnceARestrictionHasANewVersion() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(4));
        String restriction = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        String id = taskOf(kase).path("items[0].id");
        String etag = Api.as(Fixtures.DECIDER).get("/reviews/" + id).then().extract().header("ETag");
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome("MODIFY", TODAY.plusMonths(3)))
                .post("/reviews/" + id + "/outcome").then().statusCode(422)
                .body("rule", equalTo("NO_RESTRICTION_MODIFIED"));

        String restrictionEtag = Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().extract()
                .header("ETag");
        String v2 = Api.as(Fixtures.DECIDER).header("If-Match", restrictionEtag)
                .body(Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"))
                .post("/restrictions/" + restriction + "/modification").then().statusCode(201).extract().path("id");
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome("MODIFY", TODAY.plusMonths(3)))
                .post("/reviews/" + id + "/outcome").then().statusCode(200)
                .body("outcome.recommendation", equalTo("MODIFY"));
        Api.as(Fixtures.OFFICER).get("/restrictions/" + v2).then().body("state", equalTo("ACTIVE"))
                .body("supersedes", equalTo(restriction));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("POLICY_APPLIED"))
                .body("nextReviewOn", equalTo(TODAY.plusMonths(3).toString()));
    }

    @Test
    void liftingEndsEveryRestrictionAndClosesTheCase() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(2));
        String restriction = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        String id = taskOf(kase).path("items[0].id");
        String etag = Api.as(Fixtures.DECIDER).get("/reviews/" + id).then().extract().header("ETag");
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome("LIFT", TODAY.plusMonths(1)))
                .post("/reviews/" + id + "/outcome").then().statusCode(400);
        Api.as("POLICY_OWNER").header("If-Match", etag).body(outcome("LIFT", null)).post("/reviews/" + id + "/outcome")
                .then().statusCode(200);
        Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("CLOSED"))
                .body("closure.reason", equalTo("LIFTED_AFTER_REVIEW"));
    }

    @Test
    void anOverdueReviewLapsesTheRestrictionsAndTheCustomerIsTold() {
        Case kase = Fixtures.decidedEarlier(TODAY.minusDays(20), TODAY.minusDays(1));
        String restriction = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}")
                .replace(TODAY.toString(), TODAY.minusDays(20).toString()));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then()
                .body("items.state", contains("LAPSED"));
        Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("CLOSED"))
                .body("closure.reason", equalTo("LAPSED_AFTER_OVERDUE_REVIEW"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                .body("items.findAll { it.kind == 'LAPSE' }", hasSize(1));
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.kind", hasItem("RESTRICTIONS_LAPSED"));
    }

    @Test
    void theCustomerMayAskForAReviewOnceAtATime() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusMonths(3));
        String body = "{\"receivedOn\":\"" + TODAY + "\",\"reasons\":\"I have kept to one email a week.\"}";
        Api.as(Fixtures.OFFICER).body(body).post("/cases/" + kase.id() + "/review-requests").then().statusCode(201)
                .body("kind", equalTo("CUSTOMER_REQUEST")).body("requestReasons", equalTo("I have kept to one email a week."))
                .body("state", equalTo("OPEN"));
        Api.as(Fixtures.OFFICER).body(body).post("/cases/" + kase.id() + "/review-requests").then().statusCode(422)
                .body("rule", equalTo("REVIEW_ALREADY_OPEN"));
        Api.as(Fixtures.OFFICER).body(body).post("/cases/" + Fixtures.referred().id() + "/review-requests").then()
                .statusCode(409);
        Api.as(Fixtures.OFFICER).body("{\"receivedOn\":\"" + TODAY.plusDays(1) + "\"}")
                .post("/cases/" + kase.id() + "/review-requests").then().statusCode(422)
                .body("rule", equalTo("DATE_IN_FUTURE")).body("errors[0].pointer", equalTo("/receivedOn"));
    }

    @Test
    void aFreshIssueIsReferredToTheDecisionMaker() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusMonths(3));
        Api.as("CONTACT_CENTRE").body("{\"raisedOn\":\"" + TODAY + "\",\"summary\":\"A missed bin collection.\"}")
                .post("/cases/" + kase.id() + "/fresh-issues").then().statusCode(201)
                .body("referredTo", equalTo("Departmental Representative and Head of Customer Contact"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/fresh-issues").then()
                .body("items.summary", contains("A missed bin collection."));
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'FRESH_ISSUE' }.recipient", contains("DECISION_MAKER"));
        Api.malformedAs("CONTACT_CENTRE").body("{\"raisedOn\":\"" + TODAY + "\"}")
                .post("/cases/" + kase.id() + "/fresh-issues").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/summary"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(6));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        String id = taskOf(kase).path("items[0].id");
        String etag = Api.as(Fixtures.DECIDER).get("/reviews/" + id).then().extract().header("ETag");
        String good = outcome("CONTINUE", TODAY.plusMonths(2));

        Api.malformedAs(Fixtures.DECIDER).body(good).post("/reviews/" + id + "/outcome").then().statusCode(428);
        Api.as(Fixtures.DECIDER).header("If-Match", "\"99\"").body(good).post("/reviews/" + id + "/outcome").then()
                .statusCode(412);
        Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body("{\"reviewers\":[\"A\"],")
                .post("/reviews/" + id + "/outcome").then().statusCode(400);
        Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body(good.replace("CONTINUE", "EXTEND"))
                .post("/reviews/" + id + "/outcome").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/recommendation"));
        Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body(good.replace(TODAY.plusMonths(2).toString(),
                "2027-02-30")).post("/reviews/" + id + "/outcome").then().statusCode(400);
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(good.replace("\"customerToldOn\":\"" + TODAY,
                "\"customerToldOn\":\"" + TODAY.plusDays(1))).post("/reviews/" + id + "/outcome").then()
                .statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"));
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(good)
                .post("/reviews/" + java.util.UUID.randomUUID() + "/outcome").then().statusCode(404);
        Api.malformedAs(Fixtures.OFFICER).get("/reviews/not-a-uuid").then().statusCode(400)
                .body("errors[0].parameter", equalTo("reviewId"));
        Api.malformedAs(Fixtures.OFFICER).queryParam("state", "DONE").get("/reviews").then().statusCode(400);
        Api.malformedAs(Fixtures.OFFICER).queryParam("limit", "0").get("/reviews").then().statusCode(400);
        Api.as(Fixtures.OFFICER).header("If-Match", etag).body(good).post("/reviews/" + id + "/outcome").then()
                .statusCode(403);

        // Nothing of the refused calls was written: the task is open at its first version.
        Api.as(Fixtures.OFFICER).get("/reviews/" + id).then().body("state", equalTo("OPEN"))
                .header("ETag", equalTo(etag));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then()
                .body("nextReviewOn", equalTo(TODAY.plusDays(6).toString()));
    }
}
