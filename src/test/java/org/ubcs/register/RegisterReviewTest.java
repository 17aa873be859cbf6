package org.ubcs.register;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.ubcs.support.RegisterFixtures.approved;
import static org.ubcs.support.RegisterFixtures.approvedWithUprn;
import static org.ubcs.support.RegisterFixtures.approver;
import static org.ubcs.support.RegisterFixtures.author;
import static org.ubcs.support.RegisterFixtures.content;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.RegisterFixtures.Entry;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The register's annual reviews under Stoke-on-Trent's policy (reviewed every 12 months, the task opening a month
 * ahead, by whoever approved the version in force), through the HTTP API. Time passes by moving an entry's review
 * date in the database, as it would pass by itself.
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterReviewTest {

    static final LocalDate TODAY = Fixtures.TODAY;
    static final String APPROVER = RegisterFixtures.APPROVER;
    static final String APPROVER_NAME = RegisterFixtures.APPROVER_NAME;
    static final String PROBLEM_JSON = "application/problem+json";

    static RequestSpecification anotherDecisionMaker() {
        return Api.asUser("reg-other-head", "Morgan Other", "DECISION_MAKER");
    }

    /** As time passing would: the entry's review falls on {@code dueOn}. */
    static void reviewDueOn(Entry entry, LocalDate dueOn) {
        assertEquals(1, TestServices.sql("update register_entry set next_review_on = ? where id = ?", dueOn,
                UUID.fromString(entry.id())));
    }

    static List<Object> reviewIdsOf(Entry entry) {
        return TestServices.query("select id from register_review where entry_id = ? order by created_at",
                UUID.fromString(entry.id()));
    }

    /** The entry's one review task, opened by the job. */
    static String openTask(Entry entry, LocalDate dueOn) {
        reviewDueOn(entry, dueOn);
        Fixtures.runJob("OPEN_REGISTER_REVIEWS");
        return approver().queryParam("entryId", entry.id()).get("/register-reviews").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    static String openTask(Entry entry) {
        return openTask(entry, TODAY.plusDays(7));
    }

    static String etagOf(String path) {
        return approver().get(path).then().statusCode(200).extract().header("ETag");
    }

    static ExtractableResponse<Response> entry(Entry entry) {
        return approver().queryParam("purpose", "OTHER").get("/register-entries/" + entry.id()).then()
                .statusCode(200).extract();
    }

    static String outcome(String result) {
        return "{\"result\":\"" + result + "\",\"reasons\":\"Two incidents this year; the precautions are still "
                + "needed.\"}";
    }

    static ExtractableResponse<Response> record(RequestSpecification who, String reviewId, String body) {
        return who.header("If-Match", etagOf("/register-reviews/" + reviewId)).body(body)
                .post("/register-reviews/" + reviewId + "/outcome").then().extract();
    }

    static long audited(String action, String entityId) {
        return TestServices.count("select count(*) from audit_event where action = ? and entity_id = ?", action,
                UUID.fromString(entityId));
    }

    @Test
    void theJobOpensATaskALeadTimeAheadNotEarlierAndOnlyOnce() {
        // The task opens a month before the review date: the last date it opens for today, and the day after.
        LocalDate tooEarly = TODAY.plusMonths(1);
        while (!tooEarly.minusMonths(1).isAfter(TODAY)) {
            tooEarly = tooEarly.plusDays(1);
        }
        LocalDate lastDueToday = tooEarly.minusDays(1);
        String dueUprn = RegisterFixtures.uprn();
        Entry due = approvedWithUprn(dueUprn);
        Entry notYet = approved();
        reviewDueOn(due, lastDueToday);
        reviewDueOn(notYet, tooEarly);

        Fixtures.runJob("OPEN_REGISTER_REVIEWS");
        Fixtures.runJob("OPEN_REGISTER_REVIEWS"); // again, as a second replica would: nothing more

        assertEquals(1, reviewIdsOf(due).size());
        assertEquals(0, reviewIdsOf(notYet).size());
        String id = reviewIdsOf(due).get(0).toString();
        approver().get("/register-reviews/" + id).then().statusCode(200).header("ETag", notNullValue())
                .body("entryId", equalTo(due.id())).body("dueOn", equalTo(lastDueToday.toString()))
                .body("opensOn", equalTo(lastDueToday.minusMonths(1).toString())).body("state", equalTo("OPEN"))
                .body("overdue", equalTo(false)).body("outcome", nullValue());
        Api.as("POLICY_OWNER").queryParam("entryId", notYet.id()).get("/register-reviews").then().statusCode(200)
                .body("items", empty());
        assertEquals(1, audited("REGISTER_REVIEW_OPENED", id));

        // The decision makers are told once, with nothing about the person or the address.
        List<Object> told = TestServices.query("select body from notification where kind = 'REGISTER_REVIEW_DUE' "
                + "and dedupe_key like ?", "%" + due.id() + "%");
        assertEquals(1, told.size());
        assertEquals(1, TestServices.count("select count(*) from notification where kind = 'REGISTER_REVIEW_DUE' "
                + "and dedupe_key like ? and recipient = 'DECISION_MAKER'", "%" + due.id() + "%"));
        String body = told.get(0).toString();
        String dueOutwardCode = due.postcode().split(" ")[0];
        for (String personal : List.of(RegisterFixtures.FULL_NAME, dueUprn, "Hill Street", dueOutwardCode, "1971",
                "threats")) {
            assertFalse(body.contains(personal), "the notification names " + personal + ": " + body);
        }
    }

    @Test
    void theReviewerIsTheApproverOfTheVersionInForce() {
        Entry entry = approved();
        String id = openTask(entry);
        approver().get("/register-reviews/" + id).then().statusCode(200)
                .body("reviewer.subject", equalTo(APPROVER)).body("reviewer.name", equalTo(APPROVER_NAME));
    }

    @Test
    void keepingMovesTheNextReviewAYearFromTodayAndCompletesTheTask() {
        Entry entry = approved();
        String id = openTask(entry);
        String done = approver().header("If-Match", etagOf("/register-reviews/" + id)).body(outcome("KEEP"))
                .post("/register-reviews/" + id + "/outcome").then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("overdue", equalTo(false))
                .body("outcome.result", equalTo("KEEP")).body("outcome.reviewedBy.subject", equalTo(APPROVER))
                .body("outcome.reviewedAt", notNullValue()).extract().header("ETag");

        ExtractableResponse<Response> kept = entry(entry);
        assertEquals(TODAY.plusMonths(12).toString(), kept.path("nextReviewOn"));
        assertEquals("APPROVED", kept.path("state"));
        assertEquals(1, audited("REGISTER_REVIEW_COMPLETED", id));
        assertEquals(1, audited("REGISTER_ENTRY_KEPT_AFTER_REVIEW", entry.id()));

        // Completed: a second outcome is an illegal step, and the job opens nothing until the next review nears.
        approver().header("If-Match", done).body(outcome("REMOVE")).post("/register-reviews/" + id + "/outcome")
                .then().statusCode(409).contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:ubcs:problem:illegal-step"));
        Fixtures.runJob("OPEN_REGISTER_REVIEWS");
        assertEquals(1, reviewIdsOf(entry).size());
        assertEquals("APPROVED", entry(entry).path("state"));
    }

    @Test
    void amendingNeedsADraftWrittenBySomeoneElse() {
        Entry entry = approved();
        String id = openTask(entry);

        record(approver(), id, outcome("AMEND")).response().then().statusCode(422)
                .contentType(startsWith(PROBLEM_JSON)).body("rule", equalTo("NO_AMENDMENT_DRAFTED"));

        // The reviewer drafts the amendment: they may not approve their own words.
        approver().header("If-Match", entry(entry).header("ETag"))
                .body(content(RegisterFixtures.NOT_ON_RECORD, entry.postcode(), "MEDIUM"))
                .put("/register-entries/" + entry.id() + "/draft").then().statusCode(200);
        record(approver(), id, outcome("AMEND")).response().then().statusCode(422)
                .body("rule", equalTo("APPROVER_IS_AUTHOR"));

        // Refused twice, nothing written: the task is open, the draft still waits, the version 1 in force.
        approver().get("/register-reviews/" + id).then().body("state", equalTo("OPEN")).body("outcome", nullValue());
        ExtractableResponse<Response> unchanged = entry(entry);
        assertEquals(1, (int) unchanged.path("inForce.number"));
        assertEquals("HIGH", unchanged.path("inForce.riskLevel"));
        assertEquals(2, (int) unchanged.path("pendingDraft.number"));
        assertEquals(0, audited("REGISTER_REVIEW_COMPLETED", id));
    }

    @Test
    void amendingPutsAnotherPersonsDraftInForce() {
        Entry entry = approved();
        String id = openTask(entry);
        author().header("If-Match", entry(entry).header("ETag"))
                .body(content(RegisterFixtures.NOT_ON_RECORD, entry.postcode(), "MEDIUM"))
                .put("/register-entries/" + entry.id() + "/draft").then().statusCode(200);

        record(approver(), id, outcome("AMEND")).response().then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("outcome.result", equalTo("AMEND"));
        ExtractableResponse<Response> amended = entry(entry);
        assertEquals(2, (int) amended.path("inForce.number"));
        assertEquals("MEDIUM", amended.path("inForce.riskLevel"));
        assertEquals(APPROVER, amended.path("inForce.approvedBy.subject"));
        assertEquals(null, (Object) amended.path("pendingDraft"));
        assertEquals(TODAY.plusMonths(12).toString(), amended.path("nextReviewOn"));
    }

    @Test
    void removingTakesTheEntryOutOfEveryLookupAtOnce() {
        String uprn = RegisterFixtures.uprn();
        Entry entry = approvedWithUprn(uprn);
        String lookup = "{\"uprn\":\"" + uprn + "\",\"purpose\":\"VISIT\"}";
        Api.as("FIELD_OFFICER").body(lookup).post("/register-lookups").then().statusCode(200)
                .body("precautionsApply", equalTo(true)).body("matches.entryId", contains(entry.id()));
        String id = openTask(entry);

        record(approver(), id, outcome("REMOVE")).response().then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("outcome.result", equalTo("REMOVE"));

        Api.as("FIELD_OFFICER").body(lookup).post("/register-lookups").then().statusCode(200)
                .body("precautionsApply", equalTo(false)).body("matches", empty());
        ExtractableResponse<Response> removed = entry(entry);
        assertEquals("REMOVED", removed.path("state"));
        assertEquals("REVIEW_OUTCOME", removed.path("removal.reason"));
        // The task completed by the removal is not the one the removal cancels.
        approver().get("/register-reviews/" + id).then().body("state", equalTo("COMPLETED"));
        assertEquals(0, audited("REGISTER_REVIEW_CANCELLED", id));
    }

    @Test
    void onlyTheApproverOfTheVersionInForceRecordsTheOutcome() {
        Entry entry = approved();
        String id = openTask(entry);
        record(anotherDecisionMaker(), id, outcome("KEEP")).response().then().statusCode(422)
                .contentType(startsWith(PROBLEM_JSON)).body("rule", equalTo("NOT_THE_APPROVER"));
        approver().get("/register-reviews/" + id).then().body("state", equalTo("OPEN"));
        // The policy owner reads reviews but does not record them; nor does anyone outside the two roles read them.
        Api.as("POLICY_OWNER").header("If-Match", etagOf("/register-reviews/" + id)).body(outcome("KEEP"))
                .post("/register-reviews/" + id + "/outcome").then().statusCode(403);
        Api.as("AUDITOR").get("/register-reviews/" + id).then().statusCode(403);
    }

    @Test
    void theOutcomeNeedsTheCurrentVersion() {
        Entry entry = approved();
        String id = openTask(entry);
        String etag = etagOf("/register-reviews/" + id);
        approver().header("If-Match", "\"999\"").body(outcome("KEEP")).post("/register-reviews/" + id + "/outcome")
                .then().statusCode(412).contentType(startsWith(PROBLEM_JSON));
        Api.malformedAs(Fixtures.DECIDER).body(outcome("KEEP")).post("/register-reviews/" + id + "/outcome").then()
                .statusCode(428).contentType(startsWith(PROBLEM_JSON));
        assertEquals(etag, etagOf("/register-reviews/" + id));
        approver().get("/register-reviews/" + id).then().body("state", equalTo("OPEN"));
    }

    @Test
    void aBadBodyIsRefusedAndNothingIsWritten() {
        Entry entry = approved();
        String id = openTask(entry);
        String etag = etagOf("/register-reviews/" + id);
        String nextReview = entry(entry).path("nextReviewOn");
        List<String> bad = List.of(
                "{\"reasons\":\"No result given.\"}",
                "{\"result\":\"MAYBE\",\"reasons\":\"Not one of the results.\"}",
                "{\"result\":\"KEEP\"}",
                "{\"result\":\"KEEP\",\"reasons\":\"\"}",
                "{\"result\":\"KEEP\",\"reasons\":\"   \"}",
                "{\"result\":\"KEEP\",\"reasons\":\"" + "x".repeat(2001) + "\"}",
                "{\"result\":\"KEEP\",\"reasons\":\"Fine.\",\"nextReviewOn\":\"" + TODAY + "\"}",
                "{\"result\":\"KEEP\",");
        for (String body : bad) {
            Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body(body)
                    .post("/register-reviews/" + id + "/outcome").then().statusCode(400)
                    .contentType(startsWith(PROBLEM_JSON)).body("type", startsWith("urn:ubcs:problem:"))
                    .body("status", equalTo(400));
        }
        Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body("{\"reasons\":\"x\"}")
                .post("/register-reviews/" + id + "/outcome").then().body("errors[0].pointer", equalTo("/result"));
        Api.malformedAs(Fixtures.DECIDER).header("If-Match", etag).body("{\"result\":\"MAYBE\",\"reasons\":\"x\"}")
                .post("/register-reviews/" + id + "/outcome").then()
                .body("type", equalTo("urn:ubcs:problem:unknown-enum-value"));

        assertEquals(etag, etagOf("/register-reviews/" + id));
        approver().get("/register-reviews/" + id).then().body("state", equalTo("OPEN")).body("outcome", nullValue());
        assertEquals(nextReview, entry(entry).path("nextReviewOn"));
        assertEquals(0, audited("REGISTER_REVIEW_COMPLETED", id));
    }

    @Test
    void anUnknownReviewIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        approver().get("/register-reviews/" + unknown).then().statusCode(404).contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:ubcs:problem:not-found"));
        approver().header("If-Match", "\"0\"").body(outcome("KEEP")).post("/register-reviews/" + unknown + "/outcome")
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:ubcs:problem:not-found"));
        Api.malformedAs(Fixtures.DECIDER).get("/register-reviews/not-a-uuid").then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON)).body("errors[0].parameter", equalTo("reviewId"));
    }

    @Test
    void anOverdueReviewIsToldToThePolicyOwnerOnce() {
        Entry entry = approved();
        String id = openTask(entry, TODAY.minusDays(1));
        approver().get("/register-reviews/" + id).then().body("overdue", equalTo(true));

        Fixtures.runJob("FLAG_OVERDUE_REGISTER_REVIEWS");
        Fixtures.runJob("FLAG_OVERDUE_REGISTER_REVIEWS");

        List<Object> told = TestServices.query("select body from notification where kind = "
                + "'REGISTER_REVIEW_OVERDUE' and recipient = 'POLICY_OWNER' and dedupe_key like ?", "%" + id + "%");
        assertEquals(1, told.size());
        assertFalse(told.get(0).toString().contains(RegisterFixtures.FULL_NAME));
        assertEquals(1, audited("REGISTER_REVIEW_OVERDUE_FLAGGED", id));
        assertEquals(1, TestServices.count("select count(*) from register_review where id = ? "
                + "and overdue_flagged_on = ?", UUID.fromString(id), TODAY));
        Api.as("POLICY_OWNER").queryParam("state", "OPEN").queryParam("entryId", entry.id()).get("/register-reviews")
                .then().statusCode(200).body("items.id", contains(id)).body("items[0].overdue", equalTo(true));
    }

    @Test
    void removingAnEntryCancelsItsOpenReview() {
        Entry entry = approved();
        String id = openTask(entry);
        approver().header("If-Match", entry(entry).header("ETag"))
                .body("{\"reason\":\"RISK_GONE\",\"notes\":\"The tenant moved away.\"}")
                .post("/register-entries/" + entry.id() + "/removal").then().statusCode(200)
                .body("state", equalTo("REMOVED"));

        approver().get("/register-reviews/" + id).then().body("state", equalTo("CANCELLED"))
                .body("overdue", equalTo(false));
        assertEquals(1, audited("REGISTER_REVIEW_CANCELLED", id));
        record(approver(), id, outcome("KEEP")).response().then().statusCode(409)
                .body("type", equalTo("urn:ubcs:problem:illegal-step"));
        // A removed entry is never reviewed again.
        Fixtures.runJob("OPEN_REGISTER_REVIEWS");
        assertEquals(1, reviewIdsOf(entry).size());
    }

    @Test
    void reviewsArePagedAndFiltered() {
        Entry first = approved();
        Entry second = approved();
        String firstId = openTask(first);
        String secondId = openTask(second);
        record(approver(), secondId, outcome("KEEP")).response().then().statusCode(200);

        ExtractableResponse<Response> page = Api.as("POLICY_OWNER").queryParam("limit", 1).get("/register-reviews")
                .then().statusCode(200).body("items", hasSize(1)).body("next", notNullValue()).extract();
        String next = page.path("next");
        String after = Api.as("POLICY_OWNER").get(next).then().statusCode(200).body("items", hasSize(1)).extract()
                .path("items[0].id");
        assertNotEquals(page.path("items[0].id"), after);

        approver().queryParam("state", "COMPLETED").queryParam("entryId", second.id()).get("/register-reviews")
                .then().body("items.id", contains(secondId));
        approver().queryParam("state", "COMPLETED").queryParam("entryId", first.id()).get("/register-reviews")
                .then().body("items", empty());
        approver().queryParam("state", "OPEN").queryParam("entryId", first.id()).get("/register-reviews")
                .then().body("items.id", contains(firstId)).body("next", nullValue());
        Api.malformedAs("POLICY_OWNER").queryParam("cursor", "forged").get("/register-reviews").then()
                .statusCode(400).contentType(startsWith(PROBLEM_JSON));
        Api.malformedAs("POLICY_OWNER").queryParam("state", "DONE").get("/register-reviews").then()
                .statusCode(400).contentType(startsWith(PROBLEM_JSON));
    }
}
