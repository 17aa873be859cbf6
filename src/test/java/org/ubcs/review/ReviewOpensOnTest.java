package org.ubcs.review;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.quarkus.test.junit.QuarkusTest;

/**
 * When review tasks open, what a case shows as coming, and when a review outcome is an allowed step, under the
 * default profile (Cambridgeshire: a week's lead time, no status review, a review may be asked for at any time).
 */
@QuarkusTest
class ReviewOpensOnTest {

    static final LocalDate TODAY = Fixtures.TODAY;

    private static String outcome(LocalDate customerToldOn, LocalDate nextReviewOn) {
        return """
                {"reviewers":["Departmental Representative"],"recommendation":"CONTINUE",
                 "reasons":"Contact is still daily.","customerToldOn":"%s","nextReviewOn":"%s"}"""
                .formatted(customerToldOn, nextReviewOn);
    }

    @Test
    void aCustomersRequestOpensOnTheDayItWasReceivedAndAnOutcomeMayBeRecordedOnlyWhileItIsOpen() {
        Case kase = Fixtures.decidedEarlier(TODAY.minusDays(40), TODAY.plusDays(30));
        // No task is open: the outcome of a review is not a step the case may take; the scheduled review is coming.
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().statusCode(200)
                .body("allowedSteps", not(hasItem("RECORD_REVIEW_OUTCOME")))
                .body("allowedSteps", hasItem("REQUEST_REVIEW"))
                .body("comingReviews", hasSize(1))
                .body("comingReviews[0].kind", equalTo("SCHEDULED"))
                .body("comingReviews[0].dueOn", equalTo(TODAY.plusDays(30).toString()))
                .body("comingReviews[0].opensOn", equalTo(TODAY.plusDays(23).toString()));

        // Received three weeks ago, entered today: the task opened on receipt, not a week before its due date.
        LocalDate receivedOn = TODAY.minusDays(21);
        String id = Api.as(Fixtures.OFFICER).body("{\"receivedOn\":\"" + receivedOn + "\",\"reasons\":\"Changed.\"}")
                .post("/cases/" + kase.id() + "/review-requests").then().statusCode(201)
                .body("opensOn", equalTo(receivedOn.toString())).extract().path("id");
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then()
                .body("allowedSteps", hasItem("RECORD_REVIEW_OUTCOME"));

        // The customer was told before the due date less a week, but after receipt: in order.
        String etag = Api.as(Fixtures.DECIDER).get("/reviews/" + id).then().extract().header("ETag");
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome(receivedOn.minusDays(1), TODAY.plusMonths(2)))
                .post("/reviews/" + id + "/outcome").then().statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"));
        Api.as(Fixtures.DECIDER).header("If-Match", etag).body(outcome(receivedOn.plusDays(1), TODAY.plusMonths(2)))
                .post("/reviews/" + id + "/outcome").then().statusCode(200).body("state", equalTo("COMPLETED"));

        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then()
                .body("allowedSteps", not(hasItem("RECORD_REVIEW_OUTCOME")))
                .body("comingReviews.dueOn", contains(TODAY.plusMonths(2).toString()));
    }

    @Test
    void aScheduledTaskOpensTheLeadTimeAheadAndNeverBeforeItExists() {
        Case notYet = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(8));
        Case dueNow = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(7));
        Case inside = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(3));
        Fixtures.runJob("OPEN_REVIEW_TASKS");

        Api.as(Fixtures.OFFICER).queryParam("caseId", notYet.id()).get("/reviews").then().body("items", hasSize(0));
        Api.as(Fixtures.OFFICER).get("/cases/" + notYet.id()).then()
                .body("comingReviews.opensOn", contains(TODAY.plusDays(1).toString()))
                .body("allowedSteps", not(hasItem("RECORD_REVIEW_OUTCOME")));

        Api.as(Fixtures.OFFICER).queryParam("caseId", dueNow.id()).get("/reviews").then()
                .body("items.opensOn", contains(TODAY.toString()))
                .body("items.dueOn", contains(TODAY.plusDays(7).toString()));
        // Its task is open: the review is no longer coming, and its outcome may be recorded.
        Api.as(Fixtures.OFFICER).get("/cases/" + dueNow.id()).then().body("comingReviews", hasSize(0))
                .body("allowedSteps", hasItem("RECORD_REVIEW_OUTCOME"));

        // A review date set inside the lead time: the task opens today, the day it exists, not four days ago.
        Api.as(Fixtures.OFFICER).queryParam("caseId", inside.id()).get("/reviews").then()
                .body("items.opensOn", contains(TODAY.toString()));
    }

    @Test
    void reviewsAreListedByKind() {
        Case kase = Fixtures.decided(TODAY.minusDays(1), TODAY.plusDays(2));
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        Api.as(Fixtures.OFFICER).body("{\"receivedOn\":\"" + TODAY + "\"}")
                .post("/cases/" + kase.id() + "/review-requests").then().statusCode(201);

        Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then()
                .body("items.kind", hasSize(2));
        for (String kind : new String[] { "SCHEDULED", "CUSTOMER_REQUEST" }) {
            Api.as("LEGAL").queryParam("caseId", kase.id()).queryParam("kind", kind).get("/reviews").then()
                    .statusCode(200).body("items.kind", contains(kind));
        }
        Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).queryParam("kind", "STATUS_REVIEW")
                .get("/reviews").then().statusCode(200).body("items", hasSize(0));
        Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).queryParam("kind", "CUSTOMER_REQUEST")
                .queryParam("state", "COMPLETED").get("/reviews").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anUnknownOrMalformedKindIsAProblem() {
        for (String kind : new String[] { "ANNUAL", "scheduled", "SCHEDULED,STATUS_REVIEW", " SCHEDULED", "1" }) {
            Api.malformedAs(Fixtures.OFFICER).queryParam("kind", kind).get("/reviews").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].parameter", equalTo("kind"));
        }
    }
}
