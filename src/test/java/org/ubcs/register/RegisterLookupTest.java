package org.ubcs.register;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Metrics;
import org.ubcs.support.RegisterFixtures;
import org.ubcs.support.RegisterFixtures.Entry;
import org.ubcs.support.StokeOnTrent;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** "Is it safe to go to 12 Hill Street alone?": what a lookup answers, to whom, and the log every answer leaves. */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterLookupTest {

    private static io.restassured.response.ValidatableResponse lookUp(String role, String body) {
        return Api.as(role).body(body).post("/register-lookups").then();
    }

    @Test
    void aPostcodeInAnySpacingOrCaseFindsTheEntryWithItsPrecautionsAndNeverItsIncidents() {
        Entry entry = RegisterFixtures.approved();
        String compact = entry.postcode().replace(" ", "");
        for (String given : List.of(entry.postcode(), compact.toLowerCase(), " " + compact + " ",
                compact.substring(0, 2) + " " + compact.substring(2))) {
            lookUp("FIELD_OFFICER", "{\"postcode\":\"" + given + "\",\"purpose\":\"VISIT\"}").statusCode(200)
                    .body("precautionsApply", equalTo(true))
                    .body("matches.entryId", contains(entry.id()))
                    .body("matches[0].matchedBy", contains("POSTCODE"))
                    .body("matches[0].riskLevel", equalTo("HIGH"))
                    .body("matches[0].precautions.label", contains("Visit in pairs", "Telephone before visiting"))
                    .body("matches[0].precautions[1].note", equalTo("Ring the mobile on file the day before."))
                    .body("matches[0].communication.channels", containsInAnyOrder("LETTER", "EMAIL"))
                    .body("matches[0].appliesTo.line1", equalTo("12 Hill Street"))
                    .body("matches[0]", not(hasKey("incidents")));
        }
    }

    @Test
    void anAddressAUprnOrANameWithADateOfBirthFindTheEntryAndSayWhatMatched() {
        Entry entry = RegisterFixtures.approved();
        // The address is matched from its beginning, ignoring case and punctuation, within the postcode's entries
        // and beyond; a UPRN without its leading zeros is the same UPRN.
        lookUp("CONTACT_CENTRE", "{\"address\":\"12, HILL st\",\"postcode\":\"" + entry.postcode()
                + "\",\"uprn\":\"3455012345\",\"fullName\":\"  dale   HARPER \",\"dateOfBirth\":\"1971-03-02\","
                + "\"purpose\":\"CALL\"}").statusCode(200)
                .body("matches.find { it.entryId == '" + entry.id() + "' }.matchedBy",
                        contains("POSTCODE", "ADDRESS", "UPRN", "NAME_AND_DATE_OF_BIRTH"));
        lookUp("CONTACT_CENTRE", "{\"fullName\":\"Dale Harper\",\"dateOfBirth\":\"1971-03-03\",\"purpose\":\"CALL\"}")
                .statusCode(200).body("matches.entryId", not(hasItem(entry.id())));
    }

    @Test
    void everyLookupIsCountedByPurposeFoundOrNot() {
        Entry entry = RegisterFixtures.approved();
        double visits = Metrics.value("ubcs_register_lookups_total", "purpose", "VISIT");
        double calls = Metrics.value("ubcs_register_lookups_total", "purpose", "CALL");

        RegisterFixtures.lookUp(entry.postcode());
        lookUp("FIELD_OFFICER", "{\"postcode\":\"" + RegisterFixtures.postcode() + "\",\"purpose\":\"VISIT\"}")
                .statusCode(200).body("matches", empty());
        lookUp("CONTACT_CENTRE", "{\"postcode\":\"" + entry.postcode() + "\",\"purpose\":\"CALL\"}")
                .statusCode(200).body("matches.entryId", contains(entry.id()));
        // Refused before it is looked up: not a lookup.
        Api.malformedAs("FIELD_OFFICER").body("{\"purpose\":\"VISIT\"}").post("/register-lookups").then()
                .statusCode(400);

        assertEquals(visits + 2, Metrics.value("ubcs_register_lookups_total", "purpose", "VISIT"));
        assertEquals(calls + 1, Metrics.value("ubcs_register_lookups_total", "purpose", "CALL"));
    }

    @Test
    void nothingFoundSaysSoPlainly() {
        lookUp("FIELD_OFFICER", "{\"postcode\":\"" + RegisterFixtures.postcode() + "\",\"purpose\":\"VISIT\"}")
                .statusCode(200).body("precautionsApply", equalTo(false)).body("matches", empty());
    }

    @Test
    void everyAnswerIsLoggedWithWhoWhenAndWhyAndOnlyThePolicyOwnerAndAuditorReadTheLog() {
        Entry entry = RegisterFixtures.approved();
        Api.asUser("test-field-visitor", "Fran Visitor", "FIELD_OFFICER")
                .body("{\"postcode\":\"" + entry.postcode() + "\",\"purpose\":\"VISIT\"}").post("/register-lookups")
                .then().statusCode(200);
        RegisterFixtures.author().get("/register-entries/" + entry.id() + "?purpose=MEETING").then().statusCode(200);

        Api.as("AUDITOR").queryParam("entryId", entry.id()).get("/register-views").then().statusCode(200)
                .body("items.via", contains("LOOKUP", "ENTRY"))
                .body("items.purpose", contains("VISIT", "MEETING"))
                .body("items.viewer.subject", contains("test-field-visitor", RegisterFixtures.AUTHOR))
                .body("items[0]", not(hasKey("precautions")));
        Api.as("POLICY_OWNER").queryParam("viewer", "test-field-visitor").queryParam("entryId", entry.id())
                .get("/register-views").then().statusCode(200).body("items.via", contains("LOOKUP"));
        // A view is not a change: the audit of changes does not hold it.
        assertEquals(0, TestServices.count("select count(*) from audit_event where entity_id = ? and action like "
                + "'%VIEW%'", UUID.fromString(entry.id())));

        Api.withToken(org.ubcs.support.Tokens.forRole("AUDITOR")).get("/register-entries/" + entry.id()
                + "?purpose=OTHER").then().statusCode(403);
        Api.withToken(org.ubcs.support.Tokens.forRole("FIELD_OFFICER")).get("/register-entries/" + entry.id()
                + "?purpose=VISIT").then().statusCode(403);
        Api.withToken(org.ubcs.support.Tokens.forRole("FIELD_OFFICER")).get("/register-views").then().statusCode(403);
    }

    @Test
    void aFailedLookupLogsNothing() {
        long before = TestServices.count("select count(*) from register_view");
        Api.malformedAs("FIELD_OFFICER").body("{\"postcode\":\"not a postcode\",\"purpose\":\"VISIT\"}")
                .post("/register-lookups").then().statusCode(400);
        assertEquals(before, TestServices.count("select count(*) from register_view"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"purpose\":\"VISIT\"}",
            "{\"postcode\":\"SW1A 1AAA\",\"purpose\":\"VISIT\"}",
            "{\"postcode\":\"12 Hill Street\",\"purpose\":\"VISIT\"}",
            "{\"address\":\",,, .\",\"purpose\":\"VISIT\"}",
            "{\"fullName\":\"Dale Harper\",\"purpose\":\"VISIT\"}",
            "{\"dateOfBirth\":\"1971-03-02\",\"purpose\":\"VISIT\"}",
            "{\"uprn\":\"34550123456789\",\"purpose\":\"VISIT\"}",
            "{\"uprn\":\"12A\",\"purpose\":\"VISIT\"}",
            "{\"postcode\":\"ST4 1AA\"}",
            "{\"postcode\":\"ST4 1AA\",\"purpose\":\"GOSSIP\"}",
            "{\"customerId\":\"not-a-uuid\",\"purpose\":\"VISIT\"}",
            "{\"postcode\":\"ST4 1AA\",\"purpose\":\"VISIT\",\"extra\":true}",
            "{\"postcode\":\"ST4\\u00001AA\",\"purpose\":\"VISIT\"}",
            "[]",
            "{" })
    void aLookupThatCannotBeReadIs400AndNeverNothingFound(String body) {
        Api.malformedAs("FIELD_OFFICER").body(body).post("/register-lookups").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.startsWith("urn:ubcs:problem:"));
    }

    @Test
    void anUnknownCustomerIsNotFoundAndALookupNeedsNoCustomerOnRecord() {
        lookUp("FIELD_OFFICER", "{\"customerId\":\"" + UUID.randomUUID() + "\",\"purpose\":\"VISIT\"}")
                .statusCode(200).body("matches", empty());
    }
}
