package org.ubcs.subjectaccess;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The right of access (issue 11 §2), under Stoke's profile, which keeps the register too. */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class SubjectAccessExportTest {

    static final String REASON = "{\"reason\":\"Subject access request by letter, ref SAR-1.\"}";

    /** A customer with a case walked to a decision, evidence, a restriction, a contact, an appeal and a register entry. */
    record Person(Case kase, String evidenceId, String restrictionId, String appealId, String entryId,
            String registerAppealId) {
    }

    private static Person person() {
        Case kase = Fixtures.assessed();
        String evidenceId = Api.as(Fixtures.OFFICER).body("""
                {"occurredAt":"2026-10-02T09:15:00+01:00","channel":"TELEPHONE","officer":"J. Smith, Highways",
                 "behaviours":["REPETITION"],"summary":"Fourth call this week."}""")
                .post("/cases/" + kase.id() + "/evidence").then().statusCode(201).extract().path("id");
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
        // Stoke's minimum duration: the review six months after the decision.
        kase = Fixtures.step(new Case(kase.id(), etag, kase.customerId()), Fixtures.DECIDER, "POST", "decision",
                Fixtures.decision("APPLY_POLICY", Fixtures.TODAY.minusDays(1), Fixtures.TODAY.minusDays(1),
                        Fixtures.TODAY.minusDays(1).plusMonths(6)));
        String restrictionId = Fixtures.impose(kase,
                Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        Api.as("CONTACT_CENTRE").body("{\"customerId\":\"" + kase.customerId() + "\",\"channel\":\"LETTER\","
                + "\"record\":true}").post("/contact-checks").then().statusCode(200);
        String decisionId = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().path("decision.id");
        String appealId = Api.as(Fixtures.OFFICER).body("""
                {"decisionId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["DISPROPORTIONATE"],
                 "text":"Letters only is too hard for me."}""".formatted(decisionId, Fixtures.TODAY))
                .post("/appeals").then().statusCode(201).extract().path("id");
        String postcode = RegisterFixtures.postcode();
        RegisterFixtures.Entry entry = RegisterFixtures.told(RegisterFixtures.approved(RegisterFixtures.content(
                "\"customerId\":\"" + kase.customerId() + "\"", postcode, "HIGH"), postcode));
        String registerAppealId = Api.as(Fixtures.OFFICER).body("""
                {"registerEntryId":"%s","receivedOn":"%s","channel":"LETTER","grounds":["BEHAVIOUR_WRONGLY_IDENTIFIED"],
                 "text":"I was not there that day."}""".formatted(entry.id(), Fixtures.TODAY))
                .post("/appeals").then().statusCode(201).extract().path("id");
        return new Person(kase, evidenceId, restrictionId, appealId, entry.id(), registerAppealId);
    }

    private static JsonPath export(String role, String customerId) {
        return Api.as(role).body(REASON).post("/customers/" + customerId + "/subject-access-exports").then()
                .statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
    }

    @Test
    void theExportHoldsEverythingAboutThePersonAndNothingAboutAnother() {
        Person person = person();
        Person other = person();
        String customer = person.kase().customerId();

        JsonPath doc = export("LEGAL", customer);
        assertEquals(customer, doc.getString("customerId"));
        assertEquals(customer, doc.getString("customer.id"));
        assertEquals("Subject access request by letter, ref SAR-1.", doc.getString("reason"));
        assertEquals(List.of(person.kase().id()), doc.getList("cases.case.id"));
        assertEquals("POLICY_APPLIED", doc.getString("cases[0].case.status"));
        assertTrue(doc.getString("cases[0].case.decision.id") != null, "the decision");
        assertTrue(doc.getString("cases[0].case.priorWarning") != null, "the prior warning");
        assertTrue(doc.getString("cases[0].case.preconditions") != null, "the preconditions");
        assertTrue(doc.getString("cases[0].case.assessment") != null, "the assessment");
        assertEquals(List.of(person.evidenceId()), doc.getList("cases[0].evidence.id"));
        assertEquals(List.of(person.appealId()), doc.getList("cases[0].appeals.id"));
        assertFalse(doc.getList("cases[0].notifications").isEmpty(), "notifications about the decision");
        assertTrue(doc.getList("restrictions.id").contains(person.restrictionId()));
        assertFalse(doc.getList("letters").isEmpty(), "the letters");
        assertEquals(1, doc.getList("contacts").size());
        assertEquals(List.of(person.entryId()), doc.getList("registerEntries.entry.id"));
        assertFalse(doc.getList("registerEntries[0].versions").isEmpty(), "every version of the entry");
        assertTrue(doc.getString("registerEntries[0].entry.telling") != null, "the telling");
        assertEquals(List.of(person.registerAppealId()), doc.getList("otherAppeals.id"), "the appeal against the entry");

        String whole = doc.prettify();
        for (String id : List.of(other.kase().id(), other.kase().customerId(), other.evidenceId(),
                other.restrictionId(), other.appealId(), other.entryId(), other.registerAppealId())) {
            assertFalse(whole.contains(id), "nothing about the other customer: " + id);
        }
        assertFalse(whole.toLowerCase().contains("etag"), "no ETags");
        assertFalse(whole.toLowerCase().contains("idempotency"), "no idempotency keys");
        assertFalse(whole.toLowerCase().contains("dedupe"), "no dedupe keys");
    }

    @Test
    void thirdPartiesAndJuniorStaffAreMarkedForRedaction() {
        Person person = person();
        JsonPath doc = export("POLICY_OWNER", person.kase().customerId());
        List<String> pointers = doc.getList("redactions.pointer");
        assertTrue(pointers.contains("/cases/0/evidence/0/officer"), "the officer named in evidence: " + pointers);
        assertTrue(pointers.contains("/cases/0/evidence/0/recordedBy"), "the officer who recorded it");
        assertTrue(pointers.contains("/cases/0/case/referral/referredBy"), "the referring officer: " + pointers);
        assertTrue(pointers.contains("/registerEntries/0/versions/0/incidents/0/witnessedBy"), "witnesses");
        assertTrue(pointers.contains("/cases/0/case/referral/checklist/ombudsman/details"), "involvements");
        assertFalse(pointers.contains("/cases/0/case/decision/decidedBy"), "the decision maker is named");
        assertEquals("STAFF_NAME", doc.getString("redactions.find { it.pointer == '/cases/0/evidence/0/officer' }"
                + ".reason"));
        assertEquals("THIRD_PARTY", doc.getString(
                "redactions.find { it.pointer == '/registerEntries/0/versions/0/incidents/0/witnessedBy' }.reason"));
    }

    @Test
    void theHtmlPageHasTheHeadingsTheNameAndTheMarks() {
        Person person = person();
        String name = Api.as("LEGAL").get("/customers/" + person.kase().customerId()).then().extract()
                .path("fullName");
        String html = Api.as("LEGAL").accept("text/html").body(REASON)
                .post("/customers/" + person.kase().customerId() + "/subject-access-exports").then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertTrue(html.contains("Information we hold about " + name), "the person's name");
        for (String heading : List.of("Your details", "Cases", "Restrictions on contact (every version)", "Letters",
                "Contacts recorded", "Correspondence read and filed",
                "Register of potentially dangerous persons and properties", "Appeals against register entries")) {
            assertTrue(html.contains("<h2>" + heading), heading);
        }
        assertTrue(html.contains("<mark class=\"redact\" data-redact=\"STAFF_NAME\">"), "staff names highlighted");
        assertTrue(html.contains("data-redact=\"THIRD_PARTY\""), "third parties highlighted");
        assertTrue(html.contains("J. Smith, Highways"));
    }

    @Test
    void everyExportIsLoggedWithItsReasonAndAudited() {
        String customer = Fixtures.customer("Audited Person " + UUID.randomUUID());
        String exportId = export("LEGAL", customer).getString("exportId");
        assertEquals(List.of("Subject access request by letter, ref SAR-1."), TestServices.query(
                "select reason from subject_access_export where id = ?", UUID.fromString(exportId)));
        assertEquals(List.of("test-legal"), TestServices.query(
                "select exported_by_subject from subject_access_export where id = ?", UUID.fromString(exportId)));
        Api.as("AUDITOR").queryParam("entityType", "CUSTOMER").queryParam("entityId", customer).get("/audit-events")
                .then().statusCode(200).body("items.action", hasItem("SUBJECT_ACCESS_EXPORTED"))
                .body("items.find { it.action == 'SUBJECT_ACCESS_EXPORTED' }.changedFields", hasItem("reason"));
    }

    @Test
    void aReasonIsRequired() {
        String customer = Fixtures.customer("No Reason " + UUID.randomUUID());
        for (String body : List.of("{}", "{\"reason\":\"\"}", "{\"reason\":\"   \"}", "{\"reason\":null}")) {
            Api.malformedAs("LEGAL").body(body).post("/customers/" + customer + "/subject-access-exports").then()
                    .statusCode(400).contentType(startsWith("application/problem+json"));
        }
        assertEquals(0L, TestServices.count("select count(*) from subject_access_export where customer_id = ?",
                UUID.fromString(customer)));
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        Api.as("LEGAL").body(REASON).post("/customers/" + UUID.randomUUID() + "/subject-access-exports").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUnsupportedAcceptIsRefused() {
        String customer = Fixtures.customer("Accept " + UUID.randomUUID());
        Api.malformedAs("LEGAL").accept("text/csv").body(REASON)
                .post("/customers/" + customer + "/subject-access-exports").then().statusCode(406);
    }

    @ParameterizedTest
    @ValueSource(strings = { "COMPLAINTS_OFFICER", "DECISION_MAKER", "APPEAL_REVIEWER", "CONTACT_CENTRE", "AUDITOR",
            "FIELD_OFFICER" })
    void onlyLegalAndThePolicyOwnerMayExport(String role) {
        String customer = Fixtures.customer("Forbidden " + UUID.randomUUID());
        Api.as(role).body(REASON).post("/customers/" + customer + "/subject-access-exports").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        Api.anonymous().body(REASON).post("/customers/" + customer + "/subject-access-exports").then()
                .statusCode(401);
        assertEquals(0L, TestServices.count("select count(*) from subject_access_export where customer_id = ?",
                UUID.fromString(customer)));
    }
}
