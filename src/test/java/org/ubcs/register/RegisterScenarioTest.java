package org.ubcs.register;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.RegisterFixtures.Entry;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Stoke-on-Trent's register from end to end, as its staff would use it: a housing officer drafts an entry about a
 * tenant, the Head of Service approves it and tells him, a field officer looks the address up before a visit, the
 * annual review keeps it, the tenant appeals, and the upheld appeal removes the entry from every lookup.
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterScenarioTest {

    static final java.time.LocalDate TODAY = Fixtures.TODAY;

    @Test
    void fromDraftToApprovalTellingALoggedLookupTheAnnualReviewAnAppealAndRemoval() {
        // A tenant on record, and the officer's factual draft about him and his address.
        String customerId = Api.as("COMPLAINTS_OFFICER").body("{\"fullName\":\"Dale Harper\",\"address\":{\"line1\":"
                + "\"12 Hill Street\",\"postcode\":\"ST4 1AA\"}}").post("/customers").then().statusCode(201)
                .extract().path("id");
        // His flat is at an address of its own: a lookup by address looks beyond the postcode, and the other
        // tests' entries are all at 12 Hill Street itself.
        String postcode = RegisterFixtures.postcode();
        String flat = "Flat " + ThreadLocalRandom.current().nextInt(100, 1000) + ", 12 Hill Street";
        Entry entry = RegisterFixtures.drafted(RegisterFixtures.content("\"customerId\":\"" + customerId
                + "\",\"connection\":\"Tenant\"", postcode, "HIGH").replace("12 Hill Street", flat), postcode);
        assertTrue(RegisterFixtures.lookUp(postcode).isEmpty(), "a draft is in no lookup");

        // The Head of Service approves it and records that he was told by letter today.
        entry = RegisterFixtures.told(RegisterFixtures.approve(entry));
        var told = RegisterFixtures.approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .statusCode(200).body("state", equalTo("APPROVED"))
                .body("nextReviewOn", equalTo(TODAY.plusMonths(12).toString())).extract();
        String appealBy = told.path("telling.appealBy");

        // Before a visit, a field officer looks the address up: the precautions, never the incidents; and it is logged.
        Api.asUser("test-scenario-visitor", "Fran Visitor", "FIELD_OFFICER")
                .body("{\"address\":\"" + flat.toLowerCase() + "\",\"postcode\":\""
                        + postcode.toLowerCase().replace(" ", "") + "\",\"purpose\":\"VISIT\"}")
                .post("/register-lookups").then().statusCode(200)
                .body("precautionsApply", equalTo(true))
                .body("matches.entryId", contains(entry.id()))
                .body("matches[0].appliesTo.fullName", equalTo("Dale Harper"))
                .body("matches[0].precautions.code", contains("VISIT_IN_PAIRS", "TELEPHONE_BEFORE_VISITING"));
        Api.as("AUDITOR").queryParam("entryId", entry.id()).queryParam("viewer", "test-scenario-visitor")
                .get("/register-views").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].purpose", equalTo("VISIT"))
                .body("items[0].via", equalTo("LOOKUP"));

        // A year on: the review task opens a month ahead, for the approver, who keeps the entry.
        TestServices.sql("update register_entry set next_review_on = ? where id = ?", TODAY.plusDays(20),
                UUID.fromString(entry.id()));
        Fixtures.runJob("OPEN_REGISTER_REVIEWS");
        var review = RegisterFixtures.approver().queryParam("entryId", entry.id()).get("/register-reviews").then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].state", equalTo("OPEN"))
                .body("items[0].dueOn", equalTo(TODAY.plusDays(20).toString()))
                .body("items[0].reviewer.subject", equalTo(RegisterFixtures.APPROVER)).extract();
        String reviewId = review.path("items[0].id");
        String reviewEtag = RegisterFixtures.approver().get("/register-reviews/" + reviewId).then().statusCode(200)
                .extract().header("ETag");
        RegisterFixtures.approver().header("If-Match", reviewEtag)
                .body("{\"result\":\"KEEP\",\"reasons\":\"Two further incidents reported by the repairs team in "
                        + "September; the risk remains.\"}")
                .post("/register-reviews/" + reviewId + "/outcome").then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("outcome.result", equalTo("KEEP"));
        String etag = RegisterFixtures.approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .body("nextReviewOn", equalTo(TODAY.plusMonths(12).toString())).extract().header("ETag");

        // The tenant appeals in time; someone who took no part in the entry upholds it.
        var appeal = Api.as("COMPLAINTS_OFFICER").body("""
                {"registerEntryId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["BEHAVIOUR_WRONGLY_IDENTIFIED"],
                 "text":"It was my brother at the door that day, not me."}""".formatted(entry.id(), TODAY))
                .post("/appeals").then().statusCode(201)
                .body("state", equalTo("LODGED")).body("appealBy", equalTo(appealBy))
                .body("registerEntryId", equalTo(entry.id())).extract();
        Api.asUser(RegisterFixtures.APPROVER, "Sam Approver", "APPEAL_REVIEWER")
                .header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"UPHELD\",\"reasons\":\"The CCTV shows his brother.\",\"customerToldOn\":\"" + TODAY
                        + "\"}")
                .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(422);
        Api.asUser("test-scenario-reviewer", "Alex Independent", "APPEAL_REVIEWER")
                .header("If-Match", appeal.header("ETag"))
                .body("{\"outcome\":\"UPHELD\",\"reasons\":\"The CCTV shows his brother.\",\"customerToldOn\":\"" + TODAY
                        + "\"}")
                .post("/appeals/" + appeal.path("id") + "/decision").then().statusCode(200);

        // The entry is gone from every lookup at once, the tenant is written to, and the trail keeps the facts.
        assertTrue(RegisterFixtures.lookUp(postcode).isEmpty());
        Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + customerId + "\",\"purpose\":\"CALL\"}")
                .post("/register-lookups").then().body("precautionsApply", equalTo(false));
        RegisterFixtures.approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .body("state", equalTo("REMOVED")).body("removal.reason", equalTo("APPEAL_UPHELD"));
        RegisterFixtures.approver().header("If-Match", etag)
                .body("{\"reason\":\"RISK_GONE\",\"notes\":\"Already gone.\"}")
                .post("/register-entries/" + entry.id() + "/removal").then().statusCode(412);
        Api.as("COMPLAINTS_OFFICER").get("/customers/" + customerId + "/letters").then().statusCode(200)
                .body("items.kind", hasItems("REGISTER_PLACEMENT", "APPEAL_ACKNOWLEDGEMENT", "APPEAL_OUTCOME",
                        "REGISTER_REMOVAL"));
        List<Object> trail = TestServices.query("select action from audit_event where entity_id = ? "
                + "order by occurred_at", UUID.fromString(entry.id()));
        assertEquals(List.of("REGISTER_ENTRY_DRAFTED", "REGISTER_ENTRY_APPROVED", "REGISTER_TELLING_RECORDED"),
                trail.subList(0, 3));
        assertTrue(trail.contains("REGISTER_ENTRY_REMOVED"), "the removal is audited: " + trail);
        assertEquals(0, TestServices.count("select count(*) from register_review where entry_id = ? and state = "
                + "'OPEN'", UUID.fromString(entry.id())), "nothing left open on a removed entry");
    }
}
