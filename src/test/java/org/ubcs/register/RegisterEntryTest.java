package org.ubcs.register;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** An entry's life on Stoke-on-Trent's register: drafted from facts, approved by another, told, amended, removed. */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterEntryTest {

    static final java.time.LocalDate TODAY = Fixtures.TODAY;

    @Test
    void aDraftIsInNoLookupAndItsAuthorMayNotApproveIt() {
        String postcode = RegisterFixtures.postcode();
        Entry draft = RegisterFixtures.drafted(RegisterFixtures.content(postcode), postcode);
        RegisterFixtures.author().get("/register-entries/" + draft.id() + "?purpose=OTHER").then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("pendingDraft.number", equalTo(1))
                .body("pendingDraft.property.uprn", equalTo("3455012345"))
                .body("pendingDraft.precautions.label", contains("Visit in pairs", "Telephone before visiting"))
                .body("inForce", nullValue())
                .body("allowedSteps", contains("DRAFT", "APPROVE", "REMOVE"));
        assertTrue(RegisterFixtures.lookUp(postcode).isEmpty(), "a draft is in no lookup");

        // The author holds the approver's role too, and still may not approve what they wrote.
        Api.asUser(RegisterFixtures.AUTHOR, "Rhian Author", "DECISION_MAKER").header("If-Match", draft.etag())
                .post("/register-entries/" + draft.id() + "/approval").then().statusCode(422)
                .body("rule", equalTo("APPROVER_IS_AUTHOR"))
                .body("detail", containsString("Head of Service or Director"));
        assertEquals(0, TestServices.count("select count(*) from register_entry where id = ? and state <> 'DRAFT'",
                UUID.fromString(draft.id())));
    }

    @Test
    void approvalPutsTheEntryInForceSetsTheReviewAndTellsThoseNamedWithoutPersonalDetail() {
        String postcode = RegisterFixtures.postcode();
        Entry entry = RegisterFixtures.approved(RegisterFixtures.content(postcode), postcode);
        RegisterFixtures.approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .body("state", equalTo("APPROVED"))
                .body("inForce.state", equalTo("APPROVED"))
                .body("inForce.approvedBy.subject", equalTo(RegisterFixtures.APPROVER))
                .body("inForce.authoredBy.subject", equalTo(RegisterFixtures.AUTHOR))
                .body("pendingDraft", nullValue())
                .body("nextReviewOn", equalTo(TODAY.plusMonths(12).toString()))
                .body("allowedSteps", contains("DRAFT", "RECORD_TELLING", "REMOVE"));
        assertEquals(List.of(entry.id()), RegisterFixtures.lookUp(postcode));

        List<Object> recipients = TestServices.query("select recipient from notification where kind = "
                + "'REGISTER_ENTRY_IN_FORCE' and dedupe_key like ? order by recipient", "%" + entry.id() + "%");
        assertEquals(List.of("CONTACT_CENTRE", "FIELD_OFFICERS", "HEAD_OF_SERVICE"), recipients);
        assertEquals(0, TestServices.count("select count(*) from notification where dedupe_key like ? and "
                + "(body like '%Harper%' or body like '%Hill Street%' or body like '%threat%')", "%" + entry.id() + "%"),
                "no personal detail in notifications");
        assertEquals(List.of("REGISTER_ENTRY_DRAFTED", "REGISTER_ENTRY_APPROVED"), TestServices.query(
                "select action from audit_event where entity_id = ? order by occurred_at", UUID.fromString(entry.id())));
    }

    @Test
    void anAmendmentIsANewVersionAndTheApprovedOneStaysInForceUntilItIsApproved() {
        String postcode = RegisterFixtures.postcode();
        Entry entry = RegisterFixtures.approved(RegisterFixtures.content(postcode), postcode);
        String amended = RegisterFixtures.content("\"fullName\":\"Dale Harper\",\"dateOfBirth\":\"1971-03-02\"",
                postcode, "MEDIUM").replace("{\"code\":\"VISIT_IN_PAIRS\"},", "");
        String etag = RegisterFixtures.author().header("If-Match", entry.etag()).body(amended)
                .put("/register-entries/" + entry.id() + "/draft").then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("inForce.number", equalTo(1)).body("inForce.riskLevel", equalTo("HIGH"))
                .body("pendingDraft.number", equalTo(2)).body("pendingDraft.riskLevel", equalTo("MEDIUM"))
                .extract().header("ETag");
        // Until approved, lookups answer from version 1.
        Api.as("CONTACT_CENTRE").body("{\"postcode\":\"" + postcode + "\",\"purpose\":\"CALL\"}")
                .post("/register-lookups").then().body("matches[0].riskLevel", equalTo("HIGH"))
                .body("matches[0].precautions.code", hasItem("VISIT_IN_PAIRS"));

        RegisterFixtures.approve(new Entry(entry.id(), etag, postcode));
        Api.as("CONTACT_CENTRE").body("{\"postcode\":\"" + postcode + "\",\"purpose\":\"CALL\"}")
                .post("/register-lookups").then().body("matches[0].riskLevel", equalTo("MEDIUM"))
                .body("matches[0].precautions.code", contains("TELEPHONE_BEFORE_VISITING"));
        RegisterFixtures.author().get("/register-entries/" + entry.id() + "/versions?purpose=OTHER").then()
                .statusCode(200)
                .body("items.number", contains(1, 2))
                .body("items.state", contains("SUPERSEDED", "APPROVED"))
                .body("items.riskLevel", contains("HIGH", "MEDIUM"));
    }

    @Test
    void theApproverRecordsTellingOnceAndTheLetterGivesTheAppealDeadline() {
        Entry entry = RegisterFixtures.approved();
        String telling = "/register-entries/" + entry.id() + "/telling";
        // Only the approver of the version in force.
        Api.asUser("test-other-decider", "Other Decider", "DECISION_MAKER").header("If-Match", entry.etag())
                .body("{\"told\":true,\"toldOn\":\"" + TODAY + "\",\"channel\":\"LETTER\"}").post(telling).then()
                .statusCode(422).body("rule", equalTo("NOT_THE_APPROVER"));
        RegisterFixtures.approver().header("If-Match", entry.etag())
                .body("{\"told\":true,\"toldOn\":\"" + TODAY.plusDays(1) + "\",\"channel\":\"LETTER\"}").post(telling)
                .then().statusCode(422).body("rule", equalTo("DATE_IN_FUTURE"));
        RegisterFixtures.approver().header("If-Match", entry.etag())
                .body("{\"told\":true,\"toldOn\":\"" + TODAY.minusDays(1) + "\",\"channel\":\"LETTER\"}").post(telling)
                .then().statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"));
        RegisterFixtures.approver().header("If-Match", entry.etag()).body("{\"told\":true}").post(telling).then()
                .statusCode(400).body("errors.pointer", hasItem("/toldOn"));
        RegisterFixtures.approver().header("If-Match", entry.etag())
                .body("{\"told\":false,\"notToldReason\":\"RISK_TO_STAFF_OR_OTHERS\"}").post(telling).then()
                .statusCode(400).body("errors.pointer", hasItem("/note"));
        assertEquals(0, TestServices.count("select count(*) from letter where register_entry_id = ?",
                UUID.fromString(entry.id())), "nothing written by a refused telling");

        Entry told = RegisterFixtures.told(entry);
        var body = RegisterFixtures.approver().get("/register-entries/" + entry.id() + "?purpose=OTHER").then()
                .body("telling.told", equalTo(true))
                .body("telling.toldOn", equalTo(TODAY.toString()))
                .body("allowedSteps", not(hasItem("RECORD_TELLING")))
                .extract();
        String appealBy = body.path("telling.appealBy");
        String letterId = body.path("telling.letterId");
        String expected = Api.as("DECISION_MAKER").queryParam("from", TODAY.toString()).queryParam("workingDays", 15)
                .get("/calendar/deadlines").then().statusCode(200).extract().path("deadline");
        assertEquals(expected, appealBy, "15 working days from being told");
        Api.as("DECISION_MAKER").get("/letters/" + letterId).then().statusCode(200)
                .body("kind", equalTo("REGISTER_PLACEMENT"))
                .body("registerEntryId", equalTo(entry.id()))
                .body("text", containsString("Dale Harper"))
                .body("text", containsString("Visit in pairs"))
                .body("text", containsString("Telephone before visiting: Ring the mobile on file the day before."))
                .body("text", not(containsString("Shouted threats")));

        RegisterFixtures.approver().header("If-Match", told.etag())
                .body("{\"told\":true,\"toldOn\":\"" + TODAY + "\",\"channel\":\"LETTER\"}").post(telling).then()
                .statusCode(409).body("allowedSteps", contains("DRAFT", "REMOVE"));
    }

    @Test
    void notTellingIsRecordedWithItsReasonAndWritesNoLetter() {
        Entry entry = RegisterFixtures.approved();
        RegisterFixtures.approver().header("If-Match", entry.etag())
                .body("{\"told\":false,\"notToldReason\":\"RISK_TO_STAFF_OR_OTHERS\",\"note\":\"Police advise that a "
                        + "letter would provoke him while the injunction is pending.\"}")
                .post("/register-entries/" + entry.id() + "/telling").then().statusCode(200)
                .body("telling.told", equalTo(false))
                .body("telling.notToldReason", equalTo("RISK_TO_STAFF_OR_OTHERS"))
                .body("telling.letterId", nullValue())
                .body("telling.appealBy", nullValue());
        assertEquals(0, TestServices.count("select count(*) from letter where register_entry_id = ?",
                UUID.fromString(entry.id())));
    }

    @Test
    void removalTakesTheEntryOutOfEveryLookupAtOnceAndWritesToAPersonWhoWasTold() {
        Entry entry = RegisterFixtures.told(RegisterFixtures.approved());
        String removal = "/register-entries/" + entry.id() + "/removal";
        for (String reserved : List.of("REVIEW_OUTCOME", "APPEAL_UPHELD")) {
            RegisterFixtures.approver().header("If-Match", entry.etag())
                    .body("{\"reason\":\"" + reserved + "\",\"notes\":\"Gone.\"}").post(removal).then()
                    .statusCode(422).body("rule", equalTo("REMOVAL_REASON_RESERVED"));
        }
        String etag = Api.as("POLICY_OWNER").header("If-Match", entry.etag())
                .body("{\"reason\":\"RISK_GONE\",\"notes\":\"He moved out of the district in May.\"}").post(removal)
                .then().statusCode(200)
                .body("state", equalTo("REMOVED"))
                .body("removal.reason", equalTo("RISK_GONE"))
                .body("removal.removedOn", equalTo(TODAY.toString()))
                .body("nextReviewOn", nullValue())
                .body("allowedSteps", empty())
                .extract().header("ETag");
        assertTrue(RegisterFixtures.lookUp(entry.postcode()).isEmpty());
        Api.as("CONTACT_CENTRE").body("{\"uprn\":\"3455012345\",\"fullName\":\"Dale Harper\","
                + "\"dateOfBirth\":\"1971-03-02\",\"purpose\":\"CALL\"}").post("/register-lookups").then()
                .body("matches.entryId", not(hasItem(entry.id())));
        assertEquals(List.of("REGISTER_PLACEMENT", "REGISTER_REMOVAL"), TestServices.query(
                "select kind from letter where register_entry_id = ? order by created_at", UUID.fromString(entry.id())));
        // The audit keeps the fact, not the content.
        assertEquals(1, TestServices.count("select count(*) from audit_event where entity_id = ? and action = "
                + "'REGISTER_ENTRY_REMOVED' and array_to_string(changed_fields, ',') = 'state,removal'",
                UUID.fromString(entry.id())));

        Api.as("POLICY_OWNER").header("If-Match", etag).body("{\"reason\":\"RISK_GONE\",\"notes\":\"Again.\"}")
                .post(removal).then().statusCode(409);
        RegisterFixtures.author().header("If-Match", etag).body(RegisterFixtures.content(entry.postcode()))
                .put("/register-entries/" + entry.id() + "/draft").then().statusCode(409);
    }

    @Test
    void listsShowSummariesWithoutContentAndFilterByStateAndCustomer() {
        String customerId = Fixtures.customer("Kieran Lowe");
        String postcode = RegisterFixtures.postcode();
        Entry entry = RegisterFixtures.approved(RegisterFixtures.content("\"customerId\":\"" + customerId + "\"",
                postcode, "LOW"), postcode);
        Api.as("APPEAL_REVIEWER").queryParam("customerId", customerId).get("/register-entries").then().statusCode(200)
                .body("items.id", contains(entry.id()))
                .body("items[0].appliesTo.customerId", equalTo(customerId))
                .body("items[0].appliesTo.postcode", equalTo(postcode))
                .body("items[0].riskLevel", equalTo("LOW"))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("incidents")));
        Api.as("APPEAL_REVIEWER").queryParam("customerId", customerId).queryParam("state", "DRAFT")
                .get("/register-entries").then().statusCode(200).body("items", empty());
        // A customer on record is found by their id, and the answer names them from their record.
        Api.as("FIELD_OFFICER").body("{\"customerId\":\"" + customerId + "\",\"purpose\":\"VISIT\"}")
                .post("/register-lookups").then().statusCode(200)
                .body("matches[0].appliesTo.fullName", equalTo("Kieran Lowe"))
                .body("matches[0].matchedBy", contains("CUSTOMER"));
    }

    @Test
    void pagingWalksEveryEntryOnce() {
        String customerId = Fixtures.customer("Paged Person");
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String postcode = RegisterFixtures.postcode();
            made.add(RegisterFixtures.drafted(RegisterFixtures.content("\"customerId\":\"" + customerId + "\"",
                    postcode, "LOW"), postcode).id());
        }
        List<String> seen = new java.util.ArrayList<>();
        var page = Api.as("POLICY_OWNER").queryParam("customerId", customerId).queryParam("limit", 2)
                .get("/register-entries").then().statusCode(200).extract();
        seen.addAll(page.path("items.id"));
        String next = page.path("next");
        assertFalse(next == null, "a second page");
        seen.addAll(Api.as("POLICY_OWNER").get(next).then().statusCode(200).body("next", nullValue()).extract()
                .path("items.id"));
        assertEquals(made, seen);
    }
}
