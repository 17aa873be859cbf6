package org.ubcs.retention;

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** A removed register entry's content is kept its risk level's period (Stoke: HIGH three years), then erased. */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterRetentionTest {

    static Entry removed() {
        Entry entry = RegisterFixtures.approved();
        String etag = RegisterFixtures.approver().header("If-Match", entry.etag())
                .body("{\"reason\":\"RISK_GONE\",\"notes\":\"Moved away to Leek.\"}")
                .post("/register-entries/" + entry.id() + "/removal").then().statusCode(200).extract().header("ETag");
        return new Entry(entry.id(), etag, entry.postcode());
    }

    static void removedDaysAgo(Entry entry, int days) {
        // The removal form's date is kept in the form the service wrote it (an array, as Hibernate writes LocalDate).
        String day = Fixtures.TODAY.minusDays(days).toString();
        TestServices.sql("update register_entry set removal = jsonb_set(removal, '{removedOn}', "
                + Fixtures.jsonDateLike("removal -> 'removedOn'") + ") where id = ?", day, day, day, day,
                UUID.fromString(entry.id()));
    }

    static long withContent(Entry entry) {
        return TestServices.count("select count(*) from register_entry_version where entry_id = ? and "
                + "(content::text like '%Dale Harper%' or content::text like '%Shouted threats%' "
                + "or content::text like '%1971-03-02%')", UUID.fromString(entry.id()));
    }

    @Test
    void aRemovedEntrysContentIsErasedOnceItsRiskLevelsPeriodHasRunOut() {
        Entry recent = removed();
        removedDaysAgo(recent, 2 * 365); // HIGH is kept three years
        Entry old = removed();
        removedDaysAgo(old, 3 * 366);

        Fixtures.runJob(RetentionTest.JOB);

        assertEquals(1, withContent(recent));
        assertEquals(0, withContent(old));
        assertEquals(0, TestServices.count("select count(*) from register_entry where id = ? and (name_key is not null "
                + "or removal::text like '%Leek%')", UUID.fromString(old.id())));
        Api.as("AUDITOR").queryParam("entityId", old.id()).queryParam("limit", 100).get("/audit-events").then()
                .statusCode(200).body("items.action", hasItem("PERSONAL_DATA_REMOVED"))
                .body("items.find { it.action == 'PERSONAL_DATA_REMOVED' }.changedFields",
                        hasItem("policy.register.removedContentKept.HIGH=P3Y"));
        String audit = Api.as("AUDITOR").queryParam("entityId", old.id()).get("/audit-events").then().extract()
                .asString();
        assertFalse(audit.contains("Dale Harper") || audit.contains("Leek"));
        // Still readable as the contract says (the response is validated): the facts of its life, not its content.
        RegisterFixtures.approver().get("/register-entries/" + old.id() + "?purpose=OTHER").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("REMOVED"))
                .body("inForce.property", org.hamcrest.Matchers.nullValue())
                .body("inForce.person.fullName", org.hamcrest.Matchers.equalTo("[removed]"));
        Fixtures.runJob(RetentionTest.JOB);
        assertEquals(1, TestServices.count("select count(*) from audit_event where entity_id = ? and "
                + "action = 'PERSONAL_DATA_REMOVED'", UUID.fromString(old.id())));
    }
}
