package org.ubcs.retention;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention job through the HTTP API on the real database: what is removed, what stays for the statistics, what
 * holds it, and that the audit trail keeps the fact and never the data.
 */
@QuarkusTest
class RetentionTest {

    static final LocalDate TODAY = Fixtures.TODAY;
    static final String JOB = "REMOVE_EXPIRED_PERSONAL_DATA";
    static final String MARKER = "[removed]";
    static final String EVIDENCE = "Shouted at the reception desk about the Mill Lane pothole.";

    /** A case with evidence, a decision applying the policy and its letters, then closed. */
    static Case closedCase() {
        Case kase = Fixtures.applied();
        Api.as(Fixtures.OFFICER).body("""
                {"occurredAt":"%sT10:00:00Z","channel":"FACE_TO_FACE","officer":"Sam Officer",
                 "behaviours":["ABUSIVE_OR_THREATENING_CONDUCT"],"summary":"%s"}""".formatted(TODAY.minusDays(2), EVIDENCE))
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201);
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
        return Fixtures.step(new Case(kase.id(), etag, kase.customerId()), "POLICY_OWNER", "POST", "closure",
                "{\"reason\":\"BEHAVIOUR_IMPROVED\",\"notes\":\"Quiet since the spring.\"}");
    }

    /** Moves the case's closure back by {@code days}, as time itself would. */
    static void closedDaysAgo(Case kase, int days) {
        TestServices.sql("update policy_case set closure = jsonb_set(closure, '{closedOn}', to_jsonb(?::text)) "
                + "where id = ?", TODAY.minusDays(days).toString(), UUID.fromString(kase.id()));
    }

    static String nameOf(Case kase) {
        return Api.as(Fixtures.OFFICER).get("/customers/" + kase.customerId()).then().statusCode(200).extract()
                .path("fullName");
    }

    static boolean removed(Case kase) {
        return TestServices.query("select personal_data_removed_on from policy_case where id = ?",
                UUID.fromString(kase.id())).get(0) != null;
    }

    @Test
    void aCaseClosedOverAYearAgoLosesItsPersonalDataAndKeepsWhatStatisticsNeed() {
        Case kase = closedCase();
        UUID id = UUID.fromString(kase.id());
        String name = nameOf(kase);
        closedDaysAgo(kase, 367);

        Fixtures.runJob(JOB);

        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().statusCode(200)
                .body("matter", equalTo(MARKER)).body("referral.background", equalTo(MARKER))
                .body("referral.documents.title", everyItem(equalTo(MARKER)))
                .body("decision.reasons", equalTo(MARKER)).body("closure.notes", equalTo(MARKER))
                // What statistics need stays.
                .body("department", equalTo("Highways")).body("classifications", contains("UNREASONABLY_PERSISTENT"))
                .body("status", equalTo("CLOSED")).body("decision.outcome", equalTo("APPLY_POLICY"))
                .body("closure.reason", equalTo("BEHAVIOUR_IMPROVED"))
                .body("closure.closedOn", equalTo(TODAY.minusDays(367).toString()))
                .body("referral.referredOn", equalTo(Fixtures.REFERRED_ON.toString()));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/evidence").then().statusCode(200)
                .body("items.summary", everyItem(equalTo(MARKER)))
                .body("items.behaviours[0]", contains("ABUSIVE_OR_THREATENING_CONDUCT"));
        Api.as(Fixtures.OFFICER).get("/customers/" + kase.customerId()).then().statusCode(200)
                .body("fullName", equalTo(MARKER));

        assertNotNull(TestServices.query("select personal_data_removed_on from policy_case where id = ?", id).get(0));
        assertEquals(0, TestServices.count("select count(*) from letter where case_id = ? and (body_text <> ? "
                + "or html <> ? or subject <> ?)", id, MARKER, MARKER, MARKER));
        assertEquals(0, TestServices.count("select count(*) from notification where case_id = ? and body <> ?",
                id, MARKER));
        assertEquals(0, TestServices.count("select count(*) from evidence_entry where case_id = ? and "
                + "(summary <> ? or officer <> ?)", id, MARKER, MARKER));
        assertEquals(0, TestServices.count("select count(*) from policy_case where id = ? and (referral::text like "
                + "'%Forty emails%' or closure::text like '%Quiet since%')", id));
        assertEquals(0, TestServices.count("select count(*) from customer where id = ? and (full_name <> ? or "
                + "email is not null or phone is not null)", UUID.fromString(kase.customerId()), MARKER));
        assertEquals(1, TestServices.count("select count(*) from decision where case_id = ? and "
                + "outcome = 'APPLY_POLICY'", id));

        // The audit trail keeps the fact, the kind, the case and the rule; never the data.
        String history = Api.as("AUDITOR").queryParam("entityId", kase.id()).queryParam("limit", 100)
                .get("/audit-events").then().statusCode(200)
                .body("items.action", hasItem("PERSONAL_DATA_REMOVED"))
                .body("items.find { it.action == 'PERSONAL_DATA_REMOVED' }.changedFields",
                        hasItem("policy.retentionAfterClosure=P1Y"))
                .body("items.find { it.action == 'PERSONAL_DATA_REMOVED' }.caseId", equalTo(kase.id()))
                .extract().asString();
        assertFalse(history.contains(EVIDENCE) || history.contains(name) || history.contains("Forty emails"));
        Api.as("AUDITOR").queryParam("entityId", kase.customerId()).get("/audit-events").then()
                .body("items.action", hasItem("PERSONAL_DATA_REMOVED"));

        // Running it again changes nothing more.
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
        Fixtures.runJob(JOB);
        assertEquals(etag, Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag"));
        assertEquals(2, TestServices.count("select count(*) from audit_event where action = 'PERSONAL_DATA_REMOVED' "
                + "and case_id = ?", id));
    }

    @Test
    void aCaseClosedWithinTheYearKeepsItsData() {
        Case kase = closedCase();
        closedDaysAgo(kase, 300);
        Fixtures.runJob(JOB);
        assertFalse(removed(kase));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("matter", not(equalTo(MARKER)));
    }

    @Test
    void aCustomerWithAnotherLiveCaseKeepsTheirDetails() {
        Case kase = closedCase();
        String name = nameOf(kase);
        Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(kase.customerId(), "\"UNACCEPTABLE_BEHAVIOUR\""))
                .post("/cases").then().statusCode(201);
        closedDaysAgo(kase, 400);
        Fixtures.runJob(JOB);
        assertNotNull(TestServices.query("select personal_data_removed_on from policy_case where id = ?",
                UUID.fromString(kase.id())).get(0));
        assertEquals(name, nameOf(kase));
        assertNull(TestServices.query("select personal_data_removed_on from customer where id = ?",
                UUID.fromString(kase.customerId())).get(0));
    }

    @Test
    void anOpenAppealHoldsRemovalUntilItIsDecided() {
        Case kase = Fixtures.applied();
        String decision = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
        String appeal = Api.as(Fixtures.OFFICER).body("""
                {"decisionId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                 "text":"Letters only is too hard for me."}""".formatted(decision, TODAY)).post("/appeals").then()
                .statusCode(201).extract().path("id");
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
        Fixtures.step(new Case(kase.id(), etag, kase.customerId()), "POLICY_OWNER", "POST", "closure",
                "{\"reason\":\"BEHAVIOUR_IMPROVED\"}");
        closedDaysAgo(kase, 400);
        Fixtures.runJob(JOB);
        assertFalse(removed(kase));
        Api.as(Fixtures.OFFICER).get("/appeals/" + appeal).then().body("text", equalTo("Letters only is too hard for me."));

        TestServices.sql("update appeal set state = 'WITHDRAWN' where id = ?", UUID.fromString(appeal));
        Fixtures.runJob(JOB);
        Api.as(Fixtures.OFFICER).get("/appeals/" + appeal).then().statusCode(200).body("text", equalTo(MARKER));
    }

    @Test
    void auditEventsOlderThanTheAuditRetentionArePruned() {
        Case kase = Fixtures.referred();
        UUID id = UUID.fromString(kase.id());
        TestServices.sql("update audit_event set occurred_at = now() - interval '6 years 2 days' where entity_id = ?",
                id);
        Fixtures.runJob(JOB);
        assertEquals(0, TestServices.count("select count(*) from audit_event where entity_id = ?", id));
    }

    static final java.util.List<String> ROLES = java.util.List.of("COMPLAINTS_OFFICER", "DECISION_MAKER",
            "APPEAL_REVIEWER", "POLICY_OWNER", "CONTACT_CENTRE", "LEGAL", "AUDITOR", "FIELD_OFFICER");

    static String setHold(Case kase, String kind) {
        return Api.as("LEGAL").body("{\"kind\":\"" + kind + "\",\"reason\":\"County court claim KB-1.\"}")
                .post("/cases/" + kase.id() + "/holds").then().statusCode(201).body("active", equalTo(true))
                .body("kind", equalTo(kind)).body("setBy.subject", equalTo("test-legal")).extract().path("id");
    }

    @Test
    void aHoldStopsRemovalAndItsReleaseLetsTheNextRunRemove() {
        Case kase = closedCase();
        String hold = setHold(kase, "LEGAL_HOLD");
        setHold(kase, "OMBUDSMAN_COMPLAINT");
        closedDaysAgo(kase, 400);
        Fixtures.runJob(JOB);
        assertFalse(removed(kase));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then()
                .body("retention.heldBy", contains("LEGAL_HOLD", "OMBUDSMAN_COMPLAINT"));

        Api.as("LEGAL").body("{\"reason\":\"Settled.\"}").post("/cases/" + kase.id() + "/holds/" + hold + "/release")
                .then().statusCode(200).body("active", equalTo(false)).body("releaseReason", equalTo("Settled."))
                .body("releasedBy.subject", equalTo("test-legal"));
        Fixtures.runJob(JOB);
        assertFalse(removed(kase)); // the Ombudsman complaint still holds it
        String other = Api.as("AUDITOR").get("/cases/" + kase.id() + "/holds").then().statusCode(200)
                .body("items.kind", contains("LEGAL_HOLD", "OMBUDSMAN_COMPLAINT"))
                .body("items.active", contains(false, true)).extract().path("items[1].id");
        Api.as("LEGAL").body("{\"reason\":\"Ombudsman closed the complaint.\"}")
                .post("/cases/" + kase.id() + "/holds/" + other + "/release").then().statusCode(200);
        Fixtures.runJob(JOB);
        assertTrue(removed(kase));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().body("matter", equalTo(MARKER))
                .body("retention.personalDataRemovedOn", equalTo(TODAY.toString()));
        // Holds and their releases are audited, without their reasons.
        String audit = Api.as("AUDITOR").queryParam("entityId", kase.id()).queryParam("limit", 100)
                .get("/audit-events").then().body("items.action", hasItem("CASE_HOLD_SET"))
                .body("items.action", hasItem("CASE_HOLD_RELEASED")).extract().asString();
        assertFalse(audit.contains("KB-1") || audit.contains("Settled"));
    }

    @Test
    void aClosedCaseShowsWhenItsDataWillBeRemoved() {
        Case kase = closedCase();
        closedDaysAgo(kase, 10);
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().statusCode(200)
                .body("retention.removalDueOn", equalTo(TODAY.minusDays(10).plusYears(1).toString()));
        Api.as(Fixtures.OFFICER).get("/customers/" + kase.customerId()).then().statusCode(200)
                .body("retention.removalDueOn", equalTo(TODAY.minusDays(10).plusYears(1).toString()));
        Case open = Fixtures.referred();
        Api.as(Fixtures.OFFICER).get("/cases/" + open.id()).then().body("retention.removalDueOn", nullValue());
    }

    @Test
    void holdsAreForLegalToSetAndReleaseAndRefuseBadInput() {
        Case kase = Fixtures.referred();
        String path = "/cases/" + kase.id() + "/holds";
        String body = "{\"kind\":\"LEGAL_HOLD\",\"reason\":\"Claim.\"}";
        for (String role : ROLES) {
            int set = Api.as(role).body(body).post(path).then().extract().statusCode();
            assertEquals(role.equals("LEGAL") ? 201 : 403, set, role + " setting a hold");
            int read = Api.as(role).get(path).then().extract().statusCode();
            assertEquals(java.util.Set.of("LEGAL", "POLICY_OWNER", "AUDITOR").contains(role) ? 200 : 403, read,
                    role + " reading holds");
        }
        Api.anonymous().get(path).then().statusCode(401);
        String hold = Api.as("LEGAL").get(path).then().extract().path("items[0].id");
        for (String role : ROLES) {
            if (!role.equals("LEGAL")) {
                Api.as(role).body("{\"reason\":\"x\"}").post(path + "/" + hold + "/release").then().statusCode(403);
            }
        }
        Api.malformedAs("LEGAL").body("{\"kind\":\"LEGAL_HOLD\"}").post(path).then().statusCode(400);
        Api.malformedAs("LEGAL").body("{\"kind\":\"LEGAL_HOLD\",\"reason\":\"\"}").post(path).then().statusCode(400);
        Api.malformedAs("LEGAL").body("{\"kind\":\"FOREVER\",\"reason\":\"x\"}").post(path).then().statusCode(400);
        Api.as("LEGAL").body("{\"kind\":\"OPEN_APPEAL\",\"reason\":\"x\"}").post(path).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/kind"));
        Api.as("LEGAL").body(body).post("/cases/" + UUID.randomUUID() + "/holds").then().statusCode(404);
        Api.as("LEGAL").get("/cases/" + UUID.randomUUID() + "/holds").then().statusCode(404);
        Api.as("LEGAL").body("{\"reason\":\"x\"}").post(path + "/" + UUID.randomUUID() + "/release").then()
                .statusCode(404);
        Api.malformedAs("LEGAL").body("{}").post(path + "/" + hold + "/release").then().statusCode(400);
        Api.malformedAs("LEGAL").body("{\"reason\":\"\"}").post(path + "/" + hold + "/release").then().statusCode(400);
        Api.as("LEGAL").body("{\"reason\":\"Done.\"}").post(path + "/" + hold + "/release").then().statusCode(200);
        Api.as("LEGAL").body("{\"reason\":\"Again.\"}").post(path + "/" + hold + "/release").then().statusCode(409);
    }
}
