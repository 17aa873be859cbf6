package org.ubcs.jobs;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** The scheduled jobs as operations see them: listed with their schedules, and run on demand by the policy owner. */
@QuarkusTest
class JobsTest {

    @Test
    void everyJobIsListedWithItsScheduleAndItsLastRunHere() {
        Fixtures.runJob("CLOSE_APPEAL_WINDOWS");
        Api.as("AUDITOR").get("/jobs").then().statusCode(200)
                .body("items.name", contains("OPEN_REVIEW_TASKS", "HANDLE_OVERDUE_REVIEWS",
                        "FLAG_OVERDUE_EMERGENCY_ASSESSMENTS", "CLOSE_APPEAL_WINDOWS", "FLAG_OVERDUE_APPEAL_DECISIONS",
                        "FLAG_OVERDUE_SCREENING", "DELIVER_NOTIFICATIONS"))
                // Tests switch every schedule off and run the jobs themselves.
                .body("items.schedule", everyItem(equalTo("off")))
                .body("items.enabled", everyItem(equalTo(false)))
                .body("items.find { it.name == 'CLOSE_APPEAL_WINDOWS' }.lastRun.finishedAt", notNullValue());
    }

    @Test
    void aRunSaysWhatItDidAndAnUnknownJobIsAProblem() {
        Api.as("POLICY_OWNER").post("/jobs/OPEN_REVIEW_TASKS/runs").then().statusCode(200)
                .body("name", equalTo("OPEN_REVIEW_TASKS")).body("startedAt", notNullValue());
        // A path names a resource: a job that does not exist is not found, as any unknown id is.
        Api.malformedAs("POLICY_OWNER").post("/jobs/PURGE_EVERYTHING/runs").then().statusCode(404)
                .body("type", equalTo("urn:ubcs:problem:not-found"));
        Api.malformedAs("POLICY_OWNER").post("/jobs/open-review-tasks/runs").then().statusCode(404);
        Api.as("AUDITOR").post("/jobs/OPEN_REVIEW_TASKS/runs").then().statusCode(403);
        Api.anonymous().post("/jobs/OPEN_REVIEW_TASKS/runs").then().statusCode(401);
    }
}
