package org.ubcs.jobs;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubcs.support.Fixtures.TODAY;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.Metrics;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** The scheduled jobs as operations see them: listed with their schedules, and run on demand by the policy owner. */
@QuarkusTest
class JobsTest {

    @Inject
    Pool database;

    @Test
    void everyJobIsListedWithItsScheduleAndItsLastRunHere() {
        Fixtures.runJob("CLOSE_APPEAL_WINDOWS");
        Api.as("AUDITOR").get("/jobs").then().statusCode(200)
                .body("items.name", contains("OPEN_REVIEW_TASKS", "HANDLE_OVERDUE_REVIEWS",
                        "FLAG_OVERDUE_EMERGENCY_ASSESSMENTS", "CLOSE_APPEAL_WINDOWS", "FLAG_OVERDUE_APPEAL_DECISIONS",
                        "FLAG_OVERDUE_SCREENING", "DELIVER_NOTIFICATIONS", "OPEN_REGISTER_REVIEWS",
                        "FLAG_OVERDUE_REGISTER_REVIEWS", "REMOVE_EXPIRED_PERSONAL_DATA"))
                // Tests switch every schedule off and run the jobs themselves.
                .body("items.schedule", everyItem(equalTo("off")))
                .body("items.enabled", everyItem(equalTo(false)))
                .body("items.find { it.name == 'CLOSE_APPEAL_WINDOWS' }.lastRun.finishedAt", notNullValue());
    }

    @Test
    void aRunSaysWhatItDidAndAnUnknownJobIsAProblem() {
        Api.as("POLICY_OWNER").post("/jobs/OPEN_REVIEW_TASKS/runs").then().statusCode(200)
                .body("name", equalTo("OPEN_REVIEW_TASKS")).body("startedAt", notNullValue());
        // A path parameter that is not one of the contract's job names is a bad request naming it.
        Api.malformedAs("POLICY_OWNER").post("/jobs/PURGE_EVERYTHING/runs").then().statusCode(400)
                .body("type", equalTo("urn:ubcs:problem:wrong-type"))
                .body("errors[0].parameter", equalTo("jobName"));
        Api.malformedAs("POLICY_OWNER").post("/jobs/open-review-tasks/runs").then().statusCode(400);
        Api.as("AUDITOR").post("/jobs/OPEN_REVIEW_TASKS/runs").then().statusCode(403);
        Api.anonymous().post("/jobs/OPEN_REVIEW_TASKS/runs").then().statusCode(401);
    }

    @Test
    void anItemThatFailsIsLeftOutTheRestIsDoneAndThePolicyOwnerIsToldOnceADay() {
        Case bad = overdueReviewCase();
        Case good = overdueReviewCase();
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        String badReview = reviewOf(bad);
        String goodReview = reviewOf(good);
        // Real PostgreSQL refuses to update this one review, as a corrupt row or a broken constraint would.
        sql("create function ubcs_test_refuse() returns trigger language plpgsql as "
                + "$$ begin raise exception 'refused by the test'; end $$; "
                + "create trigger ubcs_test_poison before update on review for each row when (old.id = '" + badReview
                + "') execute function ubcs_test_refuse()");
        double withFailedItems = runs("completed_with_failed_items");
        double itemsFailed = itemsFailed();
        try {
            for (int run = 0; run < 2; run++) {
                Api.as("POLICY_OWNER").post("/jobs/HANDLE_OVERDUE_REVIEWS/runs").then().statusCode(200)
                        .body("failedItems", contains(badReview));
            }
            // Operations see it too: two runs that left one item out each.
            assertEquals(withFailedItems + 2, runs("completed_with_failed_items"));
            assertEquals(itemsFailed + 2, itemsFailed());
            // The bad one is left as it was, nothing of it half-done; the good one is done.
            Api.as(Fixtures.OFFICER).get("/reviews/" + badReview).then().body("state", equalTo("OPEN"));
            Api.as(Fixtures.OFFICER).get("/cases/" + bad.id()).then().body("status", equalTo("POLICY_APPLIED"));
            Api.as(Fixtures.OFFICER).get("/reviews/" + goodReview).then().body("state", equalTo("LAPSED"));
            Api.as(Fixtures.OFFICER).get("/cases/" + good.id()).then().body("status", equalTo("CLOSED"));
            Api.as("AUDITOR").get("/jobs").then()
                    .body("items.find { it.name == 'HANDLE_OVERDUE_REVIEWS' }.lastRun.failedItems",
                            contains(badReview));
            // The policy owner hears of it once, however often it is retried today, with the id to look into.
            RowSet<Row> told = sql("select body from notification where kind = 'JOB_FAILED' and recipient = "
                    + "'POLICY_OWNER' and dedupe_key like 'JOB_FAILED:HANDLE_OVERDUE_REVIEWS:" + TODAY + ":%'");
            assertEquals(1, told.size());
            assertTrue(told.iterator().next().getString("body").contains(badReview));
        } finally {
            sql("drop trigger ubcs_test_poison on review; drop function ubcs_test_refuse()");
        }
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        Api.as(Fixtures.OFFICER).get("/reviews/" + badReview).then().body("state", equalTo("LAPSED"));
    }

    @Test
    void aRunThatCannotGoOnStopsWithAProblem() {
        Case kase = overdueReviewCase();
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        // Every review refuses to change: no single item explains it, so after 20 failed items the run stops.
        sql("create function ubcs_test_refuse() returns trigger language plpgsql as "
                + "$$ begin raise exception 'refused by the test'; end $$; "
                + "create trigger ubcs_test_poison before update on review for each row "
                + "execute function ubcs_test_refuse()");
        for (int i = 0; i < 20; i++) {
            overdueReviewCase();
        }
        try {
            Fixtures.runJob("OPEN_REVIEW_TASKS"); // opening tasks inserts, and inserts are not refused
            double stopped = runs("stopped");
            double itemsFailed = itemsFailed();
            Api.as("POLICY_OWNER").post("/jobs/HANDLE_OVERDUE_REVIEWS/runs").then().statusCode(500)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:ubcs:problem:job-failed"))
                    .body("detail", containsString("HANDLE_OVERDUE_REVIEWS"));
            // Operations see a stopped run, and the 20 items it left out before the one too many.
            assertEquals(stopped + 1, runs("stopped"));
            assertEquals(itemsFailed + 20, itemsFailed());
        } finally {
            sql("drop trigger ubcs_test_poison on review; drop function ubcs_test_refuse()");
        }
        Fixtures.runJob("HANDLE_OVERDUE_REVIEWS");
        Api.as(Fixtures.OFFICER).get("/reviews/" + reviewOf(kase)).then().body("state", equalTo("LAPSED"));
    }

    @Test
    void twoOverdueReviewsOfOneCaseLapseItOnceAndNeitherIsAFailure() {
        Case kase = overdueReviewCase();
        Fixtures.runJob("OPEN_REVIEW_TASKS");
        String scheduled = reviewOf(kase);
        // The customer's own request for a review, also overdue (made by hand: the API refuses one this early).
        String requested = UUID.randomUUID().toString();
        sql("insert into review (id, case_id, customer_id, kind, due_on, opens_on, assigned_to, state, "
                + "request_reasons, created_at, version) select '" + requested + "', case_id, customer_id, "
                + "'CUSTOMER_REQUEST', due_on, opens_on, assigned_to, 'OPEN', 'Please look again.', created_at, 0 "
                + "from review where id = '" + scheduled + "'");
        Api.as("POLICY_OWNER").post("/jobs/HANDLE_OVERDUE_REVIEWS/runs").then().statusCode(200)
                .body("failedItems", hasSize(0));
        Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then()
                .body("items.state", containsInAnyOrder("LAPSED", "CANCELLED"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("status", equalTo("CLOSED"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                .body("items.findAll { it.kind == 'LAPSE' }", hasSize(1));
    }

    /** A case whose review fell due yesterday, with a restriction that lapses if it is not held. */
    private static Case overdueReviewCase() {
        Case kase = Fixtures.decidedEarlier(TODAY.minusDays(20), TODAY.minusDays(1));
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}")
                .replace(TODAY.toString(), TODAY.minusDays(20).toString()));
        return kase;
    }

    private static String reviewOf(Case kase) {
        return Api.as(Fixtures.OFFICER).queryParam("caseId", kase.id()).get("/reviews").then()
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    private static double runs(String outcome) {
        return Metrics.value("ubcs_job_runs_total", "job", "HANDLE_OVERDUE_REVIEWS", "outcome", outcome);
    }

    private static double itemsFailed() {
        return Metrics.value("ubcs_job_items_failed_total", "job", "HANDLE_OVERDUE_REVIEWS");
    }

    private RowSet<Row> sql(String statements) {
        return database.query(statements).execute().await().indefinitely();
    }
}
