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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /**
     * Moves the closure of a case closed through the API back by {@code days}, as time itself would: its closed_on
     * column and the closure form's date together, the form's date kept as the service wrote it (Hibernate writes a
     * LocalDate in JSON as an array, which the job once compared as text and so never found).
     */
    static void closedDaysAgo(Case kase, int days) {
        Fixtures.closedOn(kase, TODAY.minusDays(days));
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
        // The trail keeps the fact of the pruning: the cut-off, how many, under which rule; nothing they said.
        String cutOff = "occurredBefore=" + TODAY.minusYears(6);
        Api.as("AUDITOR").queryParam("entityType", "AUDIT_EVENT").queryParam("limit", 100).get("/audit-events")
                .then().statusCode(200)
                .body("items.findAll { it.changedFields.contains('" + cutOff + "') }.action",
                        everyItem(equalTo("AUDIT_EVENTS_PRUNED")))
                .body("items.find { it.changedFields.contains('" + cutOff + "') }.changedFields",
                        hasItem("policy.auditRetention=P6Y"))
                .body("items.find { it.changedFields.contains('" + cutOff + "') }.actor.subject",
                        equalTo("test-policy_owner"));
        // The case's own events (its referral at least) were among those counted.
        assertTrue(TestServices.count("select count(*) from audit_event where action = 'AUDIT_EVENTS_PRUNED' "
                + "and ? = any (changed_fields) and exists (select 1 from unnest(changed_fields) f "
                + "where f like 'count=%' and substring(f from 7)::int >= 1)", cutOff) >= 1);
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
        // Holds and their releases are audited, without their reasons, and are in the case's history.
        String audit = Api.as("AUDITOR").queryParam("entityType", "CASE_HOLD").queryParam("entityId", hold)
                .get("/audit-events").then().body("items.action", contains("CASE_HOLD_SET", "CASE_HOLD_RELEASED"))
                .extract().asString();
        assertFalse(audit.contains("KB-1") || audit.contains("Settled"));
        Api.as("AUDITOR").queryParam("limit", 100).get("/cases/" + kase.id() + "/history").then().statusCode(200)
                .body("items.findAll { it.entityType == 'CASE_HOLD' }.action",
                        contains("CASE_HOLD_SET", "CASE_HOLD_SET", "CASE_HOLD_RELEASED", "CASE_HOLD_RELEASED"));
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

    static long holdRows(Case kase) {
        return TestServices.count("select count(*) from case_hold where case_id = ?", UUID.fromString(kase.id()));
    }

    static long auditRows(Case kase, String action) {
        return TestServices.count("select count(*) from audit_event where case_id = ? and action = ?",
                UUID.fromString(kase.id()), action);
    }

    /** Blank: empty of anything a person can see (spaces, tabs and new lines, no-break and zero-width spaces). */
    @ParameterizedTest(name = "reason \"{0}\"")
    @ValueSource(strings = { "   ", "\\t\\n \\r\\n", "\\u00a0\\u2003", "\\u200b\\u200b", "\\ufeff " })
    void aBlankReasonIsRefusedAndWritesNothing(String blank) {
        Case kase = Fixtures.referred();
        String path = "/cases/" + kase.id() + "/holds";
        String hold = setHold(kase, "LEGAL_HOLD");
        long holds = holdRows(kase);
        Api.malformedAs("LEGAL").body("{\"kind\":\"OMBUDSMAN_COMPLAINT\",\"reason\":\"" + blank + "\"}").post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:validation")).body("errors[0].pointer", equalTo("/reason"));
        assertEquals(holds, holdRows(kase), "no hold is set");
        Api.malformedAs("LEGAL").body("{\"reason\":\"" + blank + "\"}").post(path + "/" + hold + "/release").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:validation")).body("errors[0].pointer", equalTo("/reason"));
        Api.as("LEGAL").get(path).then().statusCode(200).body("items.active", contains(true))
                .body("items[0].releaseReason", nullValue());
        assertEquals(1, auditRows(kase, "CASE_HOLD_SET"));
        assertEquals(0, auditRows(kase, "CASE_HOLD_RELEASED"));
    }

    @Test
    void holdsArePagedWithACursorThatOnlyThisCasesHoldsAccept() {
        Case kase = Fixtures.referred();
        String path = "/cases/" + kase.id() + "/holds";
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(setHold(kase, i % 2 == 0 ? "LEGAL_HOLD" : "OMBUDSMAN_COMPLAINT"));
        }
        var first = Api.as("AUDITOR").queryParam("limit", 2).get(path).then().statusCode(200)
                .body("items.id", contains(ids.get(0), ids.get(1))).extract();
        String next = first.path("next");
        assertNotNull(next, "a next link while holds remain");
        Api.as("AUDITOR").urlEncodingEnabled(false).get(next).then().statusCode(200)
                .body("items.id", contains(ids.get(2))).body("next", nullValue());
        Api.as("AUDITOR").get(path).then().statusCode(200).body("items.id", contains(ids.toArray()))
                .body("next", nullValue());

        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length()).split("&")[0];
        Case other = Fixtures.referred();
        setHold(other, "LEGAL_HOLD");
        // Edited in the middle: the last character of base64 may carry only padding bits, which decode the same.
        int middle = cursor.length() / 2;
        String edited = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
                + cursor.substring(middle + 1);
        for (String bad : java.util.List.of(edited, "bm90LWEtY3Vyc29y")) {
            Api.malformedAs("AUDITOR").queryParam("cursor", bad).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:ubcs:problem:validation"))
                    .body("errors[0].parameter", equalTo("cursor"));
        }
        // A cursor from one case's holds does not page another's.
        Api.malformedAs("AUDITOR").queryParam("cursor", cursor).get("/cases/" + other.id() + "/holds").then()
                .statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        for (Object limit : java.util.List.of(0, 101, -1, "ten")) {
            Api.malformedAs("AUDITOR").queryParam("limit", limit).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].parameter", equalTo("limit"));
        }
    }

    @Test
    void anIdempotencyKeySetsTheHoldOnceAndRefusesAnotherBody() {
        Case kase = Fixtures.referred();
        String path = "/cases/" + kase.id() + "/holds";
        String body = "{\"kind\":\"LEGAL_HOLD\",\"reason\":\"Disclosure in claim KB-2.\"}";
        String key = "hold-" + UUID.randomUUID();
        var first = Api.as("LEGAL").header("Idempotency-Key", key).body(body).post(path).then().statusCode(201)
                .extract();
        var again = Api.as("LEGAL").header("Idempotency-Key", key).body(body).post(path).then().statusCode(201)
                .extract();
        assertEquals(first.body().asString(), again.body().asString(), "the same hold, as first answered");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, holdRows(kase), "one hold written");
        assertEquals(1, auditRows(kase, "CASE_HOLD_SET"), "audited once");

        Api.as("LEGAL").header("Idempotency-Key", key).body(body.replace("KB-2", "KB-3")).post(path).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:idempotency-key-reused"));
        Api.malformedAs("LEGAL").header("Idempotency-Key", "short").body(body).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("Idempotency-Key"));
        assertEquals(1, holdRows(kase), "nothing written on refusal");
        Api.as("LEGAL").get(path).then().body("items.id", contains((String) first.path("id")));
    }

    @Test
    void aHoldIsAuditedAsItsOwnEntityWithItsCase() {
        Case kase = Fixtures.referred();
        String hold = setHold(kase, "OMBUDSMAN_COMPLAINT");
        Api.as("LEGAL").body("{\"reason\":\"The Ombudsman closed the complaint.\"}")
                .post("/cases/" + kase.id() + "/holds/" + hold + "/release").then().statusCode(200);
        String events = Api.as("POLICY_OWNER").queryParam("entityType", "CASE_HOLD").queryParam("entityId", hold)
                .get("/audit-events").then().statusCode(200)
                .body("items.action", contains("CASE_HOLD_SET", "CASE_HOLD_RELEASED"))
                .body("items.entityType", everyItem(equalTo("CASE_HOLD")))
                .body("items.entityId", everyItem(equalTo(hold)))
                .body("items.caseId", everyItem(equalTo(kase.id())))
                .body("items.actor.subject", everyItem(equalTo("test-legal")))
                .body("items[0].changedFields", contains("kind", "reason"))
                .body("items[1].changedFields", hasItem("releaseReason")).extract().asString();
        assertFalse(events.contains("KB-1") || events.contains("Ombudsman closed"), "field names, never values");
        // Nothing about the hold is recorded as an event on the case entity itself.
        Api.as("POLICY_OWNER").queryParam("entityType", "CASE").queryParam("entityId", kase.id())
                .queryParam("limit", 100).get("/audit-events").then().statusCode(200)
                .body("items.action", not(hasItem("CASE_HOLD_SET")));
    }
}
