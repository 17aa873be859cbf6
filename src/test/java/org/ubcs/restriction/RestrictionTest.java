package org.ubcs.restriction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class RestrictionTest {

    static final String DECIDER = Fixtures.DECIDER;
    static final String OFFICER = Fixtures.OFFICER;

    @Inject
    Pool database;

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"SINGLE_POINT_OF_CONTACT\",\"officer\":{\"name\":\"Jo Contact\",\"email\":\"jo@example.gov.uk\"},\"deputy\":{\"name\":\"Sam Deputy\"}}",
            "{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\",\"EMAIL\"],\"dedicatedEmailAddress\":\"c@example.gov.uk\"}",
            "{\"type\":\"TIME_WINDOWS\",\"channels\":[\"TELEPHONE\"],\"windows\":[{\"days\":[\"TUESDAY\",\"THURSDAY\"],\"from\":\"10:00\",\"to\":\"12:00\"}]}",
            "{\"type\":\"CONTACT_CAP\",\"maxContacts\":3,\"per\":\"WEEK\",\"maxCallMinutes\":15}",
            "{\"type\":\"WITNESS_REQUIRED\"}",
            "{\"type\":\"MEETINGS_BY_APPOINTMENT\",\"offices\":\"Civic Centre\"}",
            "{\"type\":\"NO_FACE_TO_FACE\"}",
            "{\"type\":\"PREMISES_BAN\",\"premises\":[\"Civic Centre reception\"]}",
            "{\"type\":\"CONTACT_AGREEMENT\",\"terms\":\"One email a week.\",\"agreedOn\":\"2026-11-01\"}",
            "{\"type\":\"CEASE_AND_DESIST\",\"issuedOn\":\"2026-11-01\"}",
            "{\"type\":\"INJUNCTION\",\"court\":\"County Court at Exampleton\",\"reference\":\"K00EX123\",\"expiresOn\":\"2027-11-01\"}",
            "{\"type\":\"OTHER\",\"description\":\"Visits to the library only with staff notified.\"}" })
    void imposesEveryTypeOfRestrictionAsTypedData(String terms) {
        Case kase = Fixtures.applied();
        ExtractableResponse<Response> created = Api.as(DECIDER).body(Fixtures.restriction(terms))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(201)
                .body("state", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("caseId", equalTo(kase.id()))
                .body("customerId", equalTo(kase.customerId()))
                .body("reviewOn", equalTo(Fixtures.TODAY.plusMonths(3).toString()))
                .body("imposedBy.subject", equalTo("test-decision_maker"))
                .extract();
        String id = created.path("id");
        Api.as("LEGAL").get("/restrictions/" + id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("terms", equalTo(io.restassured.path.json.JsonPath.from(terms).getMap("")));
        Api.as("AUDITOR").queryParam("entityId", id).get("/audit-events").then()
                .body("items.action", contains("RESTRICTION_IMPOSED"));
    }

    @Test
    void aMatterClosedRestrictionIsScopedToItsMatter() {
        Case kase = Fixtures.applied();
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":true}"))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(422)
                .body("rule", equalTo("NEW_COMPLAINTS_BLOCKED"));
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"MATTER_CLOSED\",\"acknowledge\":true}", "THIS_MATTER"))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(201)
                .body("scope", equalTo("THIS_MATTER"));
    }

    @Test
    void neverCutsOffAllContact() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"EMAIL\"]}"))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(422)
                .body("rule", equalTo("NO_CHANNEL_LEFT"));
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\",\"EMAIL\"]}"))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(201);
        Api.as(DECIDER).queryParam("customerId", kase.customerId()).get("/restrictions").then()
                .body("items", hasSize(2));
    }

    @Test
    void aStatutoryServiceIsOnlyAffectedWithALegalBasis() {
        Case kase = Fixtures.applied();
        String body = """
                {"terms":{"type":"PREMISES_BAN","premises":["Housing Options office"]},"scope":"ALL_MATTERS",
                 "startsOn":"%s","reasons":"Assaulted an officer.","statutoryServicesAffected":["Homelessness assessment"]%s}""";
        Api.as(DECIDER).body(body.formatted(Fixtures.TODAY, "")).post("/cases/" + kase.id() + "/restrictions").then()
                .statusCode(422).body("rule", equalTo("STATUTORY_SERVICE_WITHOUT_LEGAL_BASIS"));
        Api.as(DECIDER).body(body.formatted(Fixtures.TODAY, ",\"legalBasis\":\"Assessment continues by phone.\""))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(201)
                .body("legalBasis", equalTo("Assessment continues by phone."))
                .body("statutoryServicesAffected", contains("Homelessness assessment"));
    }

    @Test
    void respectsTheCustomersCommunicationNeedsUnlessAReasonedOverrideIsRecorded() {
        Case kase = Fixtures.appliedFor("\"NEEDS_TELEPHONE_CONTACT\"");
        String lettersOnly = "{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}";
        Api.as(DECIDER).body(Fixtures.restriction(lettersOnly)).post("/cases/" + kase.id() + "/restrictions").then()
                .statusCode(422).body("rule", equalTo("CONFLICTS_WITH_REASONABLE_ADJUSTMENTS"))
                .body("detail", containsString("NEEDS_TELEPHONE_CONTACT"));
        Api.as(DECIDER).body(Fixtures.restriction(lettersOnly).replace("\"reasons\"",
                "\"adjustmentsOverride\":\"Advocate reads letters to the customer.\",\"reasons\""))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(201)
                .body("adjustmentsOverride", equalTo("Advocate reads letters to the customer."));
    }

    @Test
    void onlyACaseWhereThePolicyAppliesTakesRestrictions() {
        Case referred = Fixtures.referred();
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"))
                .post("/cases/" + referred.id() + "/restrictions").then().statusCode(409)
                .body("allowedSteps", not(hasItem("IMPOSE_RESTRICTION")));
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"))
                .post("/cases/" + UUID.randomUUID() + "/restrictions").then().statusCode(404);
        Case applied = Fixtures.applied();
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}")
                .replace(Fixtures.TODAY.toString(), Fixtures.TODAY.minusDays(5).toString()))
                .post("/cases/" + applied.id() + "/restrictions").then().statusCode(422)
                .body("rule", equalTo("DATES_OUT_OF_ORDER")).body("errors[0].pointer", equalTo("/startsOn"));
        Api.as(OFFICER).get("/cases/" + applied.id()).then().body("allowedSteps", hasItem("IMPOSE_RESTRICTION"));
    }

    @Test
    void refusesTermsThatDoNotFitTheirType() {
        Case kase = Fixtures.applied();
        bad(kase, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[]}"),
                "urn:ubcs:problem:validation", "/terms/allowedChannels");
        bad(kase, Fixtures.restriction("{\"type\":\"TIME_WINDOWS\",\"channels\":[\"TELEPHONE\"],"
                + "\"windows\":[{\"days\":[\"TUESDAY\"],\"from\":\"25:00\",\"to\":\"12:00\"}]}"),
                "urn:ubcs:problem:validation", "/terms/windows/0/from");
        bad(kase, Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":0,\"per\":\"WEEK\"}"),
                "urn:ubcs:problem:validation", "/terms/maxContacts");
        bad(kase, Fixtures.restriction("{\"type\":\"CONTACT_CAP\",\"maxContacts\":2,\"per\":\"FORTNIGHT\"}"),
                "urn:ubcs:problem:unknown-enum-value", "/terms/per");
        bad(kase, Fixtures.restriction("{\"type\":\"CARRIER_PIGEON_ONLY\"}"), "urn:ubcs:problem:unknown-enum-value",
                "/terms/type");
        bad(kase, Fixtures.restriction("{\"type\":\"INJUNCTION\",\"court\":\"X\"}"), "urn:ubcs:problem:validation",
                "/terms/reference");
        bad(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}").replace("\"reasons\":\"Repeated abusive "
                + "calls to several officers.\"", "\"reasons\":\"\""), "urn:ubcs:problem:validation", "/reasons");
        Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}").replace("\"reasons\"",
                "\"endsOn\":\"" + Fixtures.TODAY.minusDays(1) + "\",\"reasons\"")).post("/cases/" + kase.id()
                        + "/restrictions").then().statusCode(422).body("rule", equalTo("DATES_OUT_OF_ORDER"))
                .body("errors[0].pointer", equalTo("/endsOn"));
        Api.as(DECIDER).queryParam("caseId", kase.id()).get("/restrictions").then().body("items", hasSize(0));
    }

    @Test
    void refusesTermsThatMixOneTypeWithAnothersFieldsOrNameNoType() {
        // Each variant pins its type to one value, so one type's name with another type's fields fits no variant.
        Case kase = Fixtures.applied();
        refused(kase, "{\"type\":\"CONTACT_CAP\",\"allowedChannels\":[\"LETTER\",\"EMAIL\"]}",
                "urn:ubcs:problem:unknown-property", "/terms/allowedChannels");
        refused(kase, "{\"type\":\"NO_FACE_TO_FACE\",\"premises\":[\"Civic Centre reception\"]}",
                "urn:ubcs:problem:unknown-property", "/terms/premises");
        refused(kase, "{\"type\":\"CHANNEL_LIMIT\",\"maxContacts\":3,\"per\":\"WEEK\"}",
                "urn:ubcs:problem:unknown-property", "/terms/maxContacts");
        refused(kase, "{\"type\":\"CONTACT_CAP_PER_DAY\",\"maxContacts\":3,\"per\":\"WEEK\"}",
                "urn:ubcs:problem:unknown-enum-value", "/terms/type");
        Api.as(DECIDER).queryParam("caseId", kase.id()).get("/restrictions").then().body("items", hasSize(0));
    }

    private static void refused(Case kase, String terms, String type, String pointer) {
        Api.malformedAs(DECIDER).body(Fixtures.restriction(terms)).post("/cases/" + kase.id() + "/restrictions").then()
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(type)).body("errors.pointer", contains(pointer));
    }

    private static void bad(Case kase, String body, String type, String pointer) {
        Api.malformedAs(DECIDER).body(body).post("/cases/" + kase.id() + "/restrictions").then().statusCode(400)
                .body("type", equalTo(type)).body("errors.pointer", hasItem(pointer));
    }

    @Test
    void aModificationIsANewVersionAndTheHistoryStaysReadable() {
        Case kase = Fixtures.applied();
        var first = Api.as(DECIDER).body(Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"))
                .post("/cases/" + kase.id() + "/restrictions").then().statusCode(201).extract();
        String v1 = first.path("id");
        String modified = Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\",\"EMAIL\"]}")
                .replace("Repeated abusive calls to several officers.", "Behaviour improved: email allowed again.");
        Api.malformedAs(DECIDER).body(modified).post("/restrictions/" + v1 + "/modification").then().statusCode(428);
        Api.as(DECIDER).header("If-Match", "\"99\"").body(modified).post("/restrictions/" + v1 + "/modification")
                .then().statusCode(412);
        Api.as(DECIDER).header("If-Match", first.header("ETag")).body(modified
                .replace(Fixtures.TODAY.toString(), Fixtures.TODAY.minusDays(3).toString()))
                .post("/restrictions/" + v1 + "/modification").then().statusCode(422)
                .body("rule", equalTo("DATES_OUT_OF_ORDER")).body("errors[0].pointer", equalTo("/startsOn"));
        String v2 = Api.as(DECIDER).header("If-Match", first.header("ETag")).body(modified)
                .post("/restrictions/" + v1 + "/modification").then().statusCode(201)
                .body("version", equalTo(2)).body("supersedes", equalTo(v1))
                .body("terms.allowedChannels", hasSize(2)).extract().path("id");

        Api.as(OFFICER).get("/restrictions/" + v1).then().body("state", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(v2)).body("reasons", equalTo("Repeated abusive calls to several officers."));
        Api.as(OFFICER).get("/restrictions/" + v2 + "/versions").then().statusCode(200)
                .body("items.id", contains(v1, v2)).body("items.state", contains("SUPERSEDED", "ACTIVE"))
                .body("nextCursor", nullValue());
        // A page at a time, oldest first: the cursor of page one leads to version 2, and to nothing after it.
        String cursor = Api.as(OFFICER).get("/restrictions/" + v2 + "/versions?limit=1").then().statusCode(200)
                .body("items.id", contains(v1)).body("next", containsString("cursor=")).extract().path("nextCursor");
        Api.as(OFFICER).get("/restrictions/" + v1 + "/versions?limit=1&cursor=" + cursor).then().statusCode(200)
                .body("items.id", contains(v2)).body("nextCursor", nullValue());
        // That cursor pages this restriction's history only.
        String other = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        Api.malformedAs(OFFICER).get("/restrictions/" + other + "/versions?cursor=" + cursor).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("cursor"));
        String staleEtag = Api.as(OFFICER).get("/restrictions/" + v1).then().extract().header("ETag");
        Api.as(DECIDER).header("If-Match", staleEtag).body(modified).post("/restrictions/" + v1 + "/modification")
                .then().statusCode(409).body("allowedSteps", hasSize(0));
    }

    @Test
    void liftingEndsARestrictionOnceWithReasons() {
        Case kase = Fixtures.applied();
        String id = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        String etag = Api.as(OFFICER).get("/restrictions/" + id).then().extract().header("ETag");
        String lifted = Api.as("POLICY_OWNER").header("If-Match", etag).body("{\"reasons\":\"Meetings went well.\"}")
                .post("/restrictions/" + id + "/lifting").then().statusCode(200)
                .body("state", equalTo("LIFTED"))
                .body("lifting.reasons", equalTo("Meetings went well."))
                .body("lifting.liftedOn", equalTo(Fixtures.TODAY.toString()))
                .body("lifting.liftedBy.subject", equalTo("test-policy_owner")).extract().header("ETag");
        Api.as("POLICY_OWNER").header("If-Match", lifted).body("{\"reasons\":\"Again.\"}")
                .post("/restrictions/" + id + "/lifting").then().statusCode(409)
                .body("type", equalTo("urn:ubcs:problem:illegal-step"));
        Api.malformedAs("POLICY_OWNER").header("If-Match", lifted).body("{}").post("/restrictions/" + id + "/lifting")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/reasons"));
        Api.as(OFFICER).queryParam("caseId", kase.id()).queryParam("state", "LIFTED").get("/restrictions").then()
                .body("items.id", contains(id));
        Api.as(OFFICER).queryParam("caseId", kase.id()).queryParam("state", "ACTIVE").get("/restrictions").then()
                .body("items", hasSize(0));
    }

    @Test
    void anEmergencyRestrictionIsShortAndMustBeFollowedByAnAssessment() {
        String customer = Fixtures.customer("Emergency");
        String body = """
                {"customerId":"%s","terms":{"type":"PREMISES_BAN","premises":["Civic Centre"]},
                 "reasons":"Threatened an officer.","incident":"Shouted threats at reception; police called."%s}""";
        Api.as(OFFICER).body(body.formatted(customer, ",\"endsOn\":\"" + Fixtures.TODAY.plusDays(15) + "\""))
                .post("/emergency-restrictions").then().statusCode(422).body("rule", equalTo("EMERGENCY_TOO_LONG"));
        Api.as(OFFICER).body(body.formatted(UUID.randomUUID(), "")).post("/emergency-restrictions").then()
                .statusCode(422).body("type", equalTo("urn:ubcs:problem:unknown-reference"));
        ExtractableResponse<Response> created = Api.as(OFFICER).body(body.formatted(customer, ""))
                .post("/emergency-restrictions").then().statusCode(201)
                .body("emergency", equalTo(true))
                .body("caseId", nullValue())
                .body("startsOn", equalTo(Fixtures.TODAY.toString()))
                .body("endsOn", equalTo(Fixtures.TODAY.plusDays(14).toString()))
                .body("assessmentOverdue", equalTo(false))
                .body("incident", containsString("police called")).extract();
        String id = created.path("id");
        java.time.LocalDate due = java.time.LocalDate.parse(created.path("assessmentDueOn"));
        org.junit.jupiter.api.Assertions.assertTrue(due.isAfter(Fixtures.TODAY.plusDays(4)), "5 working days");

        // Past its deadline with no assessment, it is listed as overdue.
        database.preparedQuery("update restriction set assessment_due_on = $1 where id = $2")
                .execute(Tuple.of(Fixtures.TODAY.minusDays(1), UUID.fromString(id))).await().indefinitely();
        Api.as(OFFICER).queryParam("assessmentOverdue", true).queryParam("customerId", customer).get("/restrictions")
                .then().body("items.id", contains(id)).body("items[0].assessmentOverdue", equalTo(true));

        Api.as(OFFICER).header("If-Match", created.header("ETag"))
                .body("{\"summary\":\"CCTV reviewed; case referred.\"}")
                .post("/restrictions/" + id + "/follow-up-assessment").then().statusCode(200)
                .body("followUpAssessment.summary", equalTo("CCTV reviewed; case referred."))
                .body("assessmentOverdue", equalTo(false));
        Api.as(OFFICER).queryParam("assessmentOverdue", true).queryParam("customerId", customer).get("/restrictions")
                .then().body("items", hasSize(0));
        String etag = Api.as(OFFICER).get("/restrictions/" + id).then().extract().header("ETag");
        Api.as(OFFICER).header("If-Match", etag).body("{\"summary\":\"Again\"}")
                .post("/restrictions/" + id + "/follow-up-assessment").then().statusCode(409);
    }

    @Test
    void aFollowUpAssessmentIsOnlyForEmergencies() {
        Case kase = Fixtures.applied();
        String id = Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"WITNESS_REQUIRED\"}"));
        String etag = Api.as(OFFICER).get("/restrictions/" + id).then().extract().header("ETag");
        Api.as(OFFICER).header("If-Match", etag).body("{\"summary\":\"n/a\"}")
                .post("/restrictions/" + id + "/follow-up-assessment").then().statusCode(409)
                .body("allowedSteps", contains("MODIFY_RESTRICTION", "LIFT_RESTRICTION"));
        Api.as(OFFICER).get("/restrictions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void thePolicyOwnerIsToldOnceOfAnEmergencyRestrictionWithNoAssessment() {
        String customer = Fixtures.customer("Emergency overdue");
        String id = Api.as(OFFICER).body("""
                {"customerId":"%s","terms":{"type":"PREMISES_BAN","premises":["Civic Centre"]},
                 "reasons":"Threatened an officer.","incident":"Shouted threats at reception."}""".formatted(customer))
                .post("/emergency-restrictions").then().statusCode(201).extract().path("id");
        TestServices.sql("update restriction set assessment_due_on = ? where id = ?", Fixtures.TODAY.minusDays(1),
                UUID.fromString(id));
        Fixtures.runJob("FLAG_OVERDUE_EMERGENCY_ASSESSMENTS");
        Fixtures.runJob("FLAG_OVERDUE_EMERGENCY_ASSESSMENTS");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("POLICY_OWNER"), TestServices.query(
                "select recipient from notification where dedupe_key like ?",
                "EMERGENCY_ASSESSMENT_OVERDUE:" + id + ":%"));
    }
}
