package org.ubcs.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.TestServices;

import db.migration.V6__Customer_identifiers_in_normal_form;
import io.quarkus.test.junit.QuarkusTest;

/** Customers stored before identifiers had a normal form are found by contact checks once migrated. */
@QuarkusTest
class CustomerIdentifiersMigrationTest {

    @Test
    void storedIdentifiersAreRewrittenInNormalFormAndWhatCannotBeReadIsKept() {
        UUID recognised = UUID.randomUUID();
        UUID unreadable = UUID.randomUUID();
        String line = String.valueOf(100000 + new java.util.Random().nextInt(900000));
        insertAsBefore(recognised, "Old  Record", " Old.Record@Example.ORG", "(01604) " + line, "nn1 1aa",
                "+44 (0)20 7946 0018");
        insertAsBefore(unreadable, "Odd Number", null, "1234-5", null, null);

        int[] unrecognised = new int[1];
        TestServices.inTransaction(connection -> unrecognised[0] =
                V6__Customer_identifiers_in_normal_form.normaliseCustomers(connection));

        Api.as(Fixtures.OFFICER).get("/customers/" + recognised).then().statusCode(200)
                .body("phone", equalTo("+441604" + line)).body("address.postcode", equalTo("NN1 1AA"))
                .body("advocate.phone", equalTo("+442079460018"));
        Api.as("CONTACT_CENTRE").body("{\"customer\":{\"phone\":\"01604-" + line + "\"},\"channel\":\"TELEPHONE\"}")
                .post("/contact-checks").then().statusCode(200).body("customerId", equalTo(recognised.toString()));
        Api.as("CONTACT_CENTRE").body("{\"customer\":{\"email\":\"old.record@example.org\"},\"channel\":\"EMAIL\"}")
                .post("/contact-checks").then().statusCode(200).body("customerId", equalTo(recognised.toString()));
        Api.as("CONTACT_CENTRE").body("{\"customer\":{\"fullName\":\"old record\",\"postcode\":\"NN11AA\"},"
                + "\"channel\":\"LETTER\"}").post("/contact-checks").then().statusCode(200)
                .body("customerId", equalTo(recognised.toString()));
        // Not a whole number: kept as it was, so nothing is lost, and counted (the log says how many).
        assertEquals(java.util.List.of("1234-5"),
                TestServices.query("select phone from customer where id = ?", unreadable));
        assertEquals(true, unrecognised[0] >= 1);
    }

    private static void insertAsBefore(UUID id, String name, String email, String phone, String postcode,
            String advocatePhone) {
        TestServices.sql("insert into customer (id, full_name, name_key, email, phone, address_line1, postcode, "
                + "postcode_key, advocate_name, advocate_phone, created_at, updated_at, version) "
                + "values (?, ?, 'not yet', ?, ?, ?, ?, null, ?, ?, ?, ?, 0)", id, name, email, phone,
                postcode == null ? null : "1 Old Road", postcode, advocatePhone == null ? null : "Ada Advocate",
                advocatePhone, java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now()));
    }
}
