package org.ubcs.restriction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Closing a case ends its restrictions: none of them decides a contact check again, whatever its type. */
@QuarkusTest
class RestrictionsEndWithTheirCaseTest {

    static final String CENTRE = "CONTACT_CENTRE";

    /** A contact about the case's own matter. */
    private static ValidatableResponse check(Case kase, String channel) {
        return Api.as(CENTRE).body("{\"customerId\":\"" + kase.customerId() + "\",\"caseId\":\"" + kase.id()
                + "\",\"channel\":\"" + channel + "\"}").post("/contact-checks").then().statusCode(200);
    }

    private static void close(Case kase) {
        String etag = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id()).then().extract().header("ETag");
        Api.as("POLICY_OWNER").header("If-Match", etag).body("{\"reason\":\"BEHAVIOUR_IMPROVED\"}")
                .post("/cases/" + kase.id() + "/closure").then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    /** Each type, with a contact it bears on while in force (as a verdict, or as a note to the officer). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SINGLE_POINT_OF_CONTACT|{\"type\":\"SINGLE_POINT_OF_CONTACT\",\"officer\":{\"name\":\"Jo Contact\"}}|TELEPHONE",
        "CHANNEL_LIMIT|{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}|TELEPHONE",
        "TIME_WINDOWS|{\"type\":\"TIME_WINDOWS\",\"channels\":[\"TELEPHONE\"],\"windows\":[{\"days\":[\"%s\"],\"from\":\"10:00\",\"to\":\"10:01\"}]}|TELEPHONE",
        "CONTACT_CAP|{\"type\":\"CONTACT_CAP\",\"maxContacts\":3,\"per\":\"WEEK\",\"maxCallMinutes\":15}|TELEPHONE",
        "MATTER_CLOSED|{\"type\":\"MATTER_CLOSED\",\"acknowledge\":false}|LETTER",
        "WITNESS_REQUIRED|{\"type\":\"WITNESS_REQUIRED\"}|FACE_TO_FACE",
        "MEETINGS_BY_APPOINTMENT|{\"type\":\"MEETINGS_BY_APPOINTMENT\"}|FACE_TO_FACE",
        "NO_FACE_TO_FACE|{\"type\":\"NO_FACE_TO_FACE\"}|FACE_TO_FACE",
        "PREMISES_BAN|{\"type\":\"PREMISES_BAN\",\"premises\":[\"Civic Centre reception\"]}|FACE_TO_FACE",
        "CONTACT_AGREEMENT|{\"type\":\"CONTACT_AGREEMENT\",\"terms\":\"One email a week.\",\"agreedOn\":\"2026-11-01\"}|EMAIL",
        "CEASE_AND_DESIST|{\"type\":\"CEASE_AND_DESIST\",\"issuedOn\":\"2026-11-01\"}|EMAIL",
        "INJUNCTION|{\"type\":\"INJUNCTION\",\"court\":\"County Court\",\"reference\":\"K00EX123\",\"expiresOn\":\"2030-11-01\"}|EMAIL",
        "OTHER|{\"type\":\"OTHER\",\"description\":\"Visits to the library only with staff notified.\"}|EMAIL" })
    void closingTheCaseLiftsEveryTypeAndItNoLongerDecidesAContactCheck(String type, String terms, String channel) {
        // A window on a day that is never today, so "now" is outside it.
        String termsNow = terms.formatted(Fixtures.TODAY.plusDays(3).getDayOfWeek());
        Case kase = Fixtures.applied();
        String restriction = Fixtures.impose(kase, Fixtures.restriction(termsNow,
                "MATTER_CLOSED".equals(type) ? "THIS_MATTER" : "ALL_MATTERS"));
        var before = check(kase, channel).extract();
        boolean bore = !"ALLOW".equals(before.path("verdict")) || !before.<List<?>>path("notes").isEmpty();
        assertEquals(true, bore, type + " should bear on a " + channel + " contact while in force");

        close(kase);

        Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"))
                .body("lifting.reasons", containsString("case was closed"))
                .body("lifting.liftedOn", equalTo(Fixtures.TODAY.toString()));
        check(kase, channel).body("verdict", equalTo("ALLOW")).body("notes", empty())
                .body("decidingRestrictionIds", empty());
        Api.as("AUDITOR").queryParam("entityId", restriction).get("/audit-events").then()
                .body("items.action", hasItem("RESTRICTION_LIFTED"));
        Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then()
                .body("items.findAll { it.kind == 'LIFTING' }.size()", equalTo(1));
    }

    @Test
    void theCustomerIsToldWhatNoLongerAppliesAndThoseTheProfileNamesAreTold() {
        Case kase = Fixtures.applied();
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"NO_FACE_TO_FACE\"}"));
        close(kase);
        String letter = Api.as(Fixtures.OFFICER).get("/cases/" + kase.id() + "/letters").then().extract()
                .path("items.find { it.kind == 'LIFTING' }.text");
        org.hamcrest.MatcherAssert.assertThat(letter, containsString("no longer apply"));
        // Each restriction that ended, in the plain words of the letter templates.
        org.hamcrest.MatcherAssert.assertThat(letter, containsString("- Please contact us only by letter."));
        org.hamcrest.MatcherAssert.assertThat(letter, containsString("- We will not meet you face to face;"));
        org.hamcrest.MatcherAssert.assertThat(letter, not(containsString("abusive"))); // never the reasons
        // Cambridgeshire (the default profile) tells Legal Services, complaints officers, the contact centre and
        // local members of a decision; they are told it has ended, once each, with no personal detail.
        Api.as("AUDITOR").queryParam("caseId", kase.id()).get("/notifications").then()
                .body("items.findAll { it.kind == 'RESTRICTIONS_LIFTED_WITH_CASE' }.recipient.sort()",
                        contains("COMPLAINTS_OFFICERS", "CONTACT_CENTRE", "LEGAL_SERVICES", "LOCAL_MEMBERS"))
                .body("items.findAll { it.kind == 'RESTRICTIONS_LIFTED_WITH_CASE' }.body",
                        not(hasItem(containsString("Case Customer"))));
    }

    @Test
    void aRestrictionLeftInForceUnderAClosedCaseNeverDecidesAndTheMigrationLiftsIt() throws Exception {
        Case kase = Fixtures.applied();
        String restriction = Fixtures.impose(kase, Fixtures.restriction(
                "{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        close(kase);
        // As data written before closing lifted restrictions: the case closed, its restriction never lifted.
        UUID id = UUID.fromString(restriction);
        TestServices.sql("update restriction set lifted = false, lifted_on = null, lifting_reasons = null, "
                + "lifted_by_subject = null, lifted_by_name = null, effective_until = null where id = ?", id);
        TestServices.sql("delete from audit_event where entity_id = ? and action = 'RESTRICTION_LIFTED'", id);
        check(kase, "TELEPHONE").body("verdict", equalTo("ALLOW"))
                .body("decidingRestrictionIds", empty());

        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/V7__restrictions_end_with_their_case.sql").readAllBytes(), StandardCharsets.UTF_8);
        TestServices.inTransaction(connection -> connection.createStatement().execute(migration));

        Api.as(Fixtures.OFFICER).get("/restrictions/" + restriction).then().body("state", equalTo("LIFTED"))
                .body("lifting.liftedOn", equalTo(Fixtures.TODAY.toString()))
                .body("lifting.reasons", containsString("migration V7"));
        Api.as("AUDITOR").queryParam("entityId", restriction).get("/audit-events").then()
                .body("items.findAll { it.action == 'RESTRICTION_LIFTED' }.actor.subject",
                        contains("urn:ubcs:migration:V7"));
        // Running it again changes nothing.
        TestServices.inTransaction(connection -> connection.createStatement().execute(migration));
        assertEquals(1, TestServices.count("select count(*) from audit_event where entity_id = ? "
                + "and action = 'RESTRICTION_LIFTED'", id));
    }
}
