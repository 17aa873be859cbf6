package org.ubcs.contactcheck;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ubcs.identifiers.PhoneFormats;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Seeded;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A restricted caller is recognised however their identifiers are written, and an identifier the service cannot read
 * is refused rather than taken for "nobody" (which would wave a restricted, perhaps dangerous, caller through).
 */
@QuarkusTest
class IdentifyingCallersTest {

    static final String CENTRE = "CONTACT_CENTRE";

    /** Random per run, so the numbers are this test's alone in the shared database. */
    private static final String line = String.valueOf(100000 + new Random().nextInt(900000));
    private static String landlineCustomer;
    private static String abroadCustomer;

    @BeforeEach
    void aRestrictedCustomerAtHomeAndOneAbroad() {
        if (landlineCustomer == null) {
            landlineCustomer = restrictedToLetters("+44 1604 " + line);
            abroadCustomer = restrictedToLetters("+1 202 555 " + line.substring(2));
        }
    }

    private static String restrictedToLetters(String phone) {
        var kase = Fixtures.appliedForCustomer("{\"fullName\":\"Caller " + UUID.randomUUID() + "\",\"phone\":\""
                + phone + "\"}");
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        return kase.customerId();
    }

    private static String byPhone(String phone) {
        return "{\"customer\":{\"phone\":\"" + phone + "\"},\"channel\":\"TELEPHONE\"}";
    }

    static Stream<Arguments> theLandlineWrittenAnyWay() {
        return Seeded.cases(1604L, 60, random -> new Object[] { PhoneFormats.uk("1604" + line, 4, random) });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("theLandlineWrittenAnyWay")
    void aUkNumberFindsTheRestrictedCallerHoweverItIsWritten(String written) {
        Api.as(CENTRE).body(byPhone(written)).post("/contact-checks").then().statusCode(200)
                .body("verdict", equalTo("REFUSE_CHANNEL")).body("customerId", equalTo(landlineCustomer));
    }

    static Stream<Arguments> theNumberAbroadWrittenAnyWay() {
        return Seeded.cases(1202L, 20, random -> new Object[] {
            PhoneFormats.abroad("1", "202555" + line.substring(2), random) });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("theNumberAbroadWrittenAnyWay")
    void aNumberAbroadFindsTheRestrictedCallerWithItsCountryCode(String written) {
        Api.as(CENTRE).body(byPhone(written)).post("/contact-checks").then().statusCode(200)
                .body("verdict", equalTo("REFUSE_CHANNEL")).body("customerId", equalTo(abroadCustomer));
    }

    @Test
    void theIssuesExampleIsRefusedTheChannelAsWhenWrittenAsSaved() {
        String saved = "+44 1604 " + line;
        String typed = "01604 " + line;
        for (String phone : List.of(saved, typed)) {
            Api.as(CENTRE).body(byPhone(phone)).post("/contact-checks").then().statusCode(200)
                    .body("verdict", equalTo("REFUSE_CHANNEL"));
        }
        Api.as(Fixtures.OFFICER).get("/customers/" + landlineCustomer).then().statusCode(200)
                .body("phone", equalTo("+441604" + line));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345678", "+44 1234", "016049991111111", "0800 FLOWERS", "not a number" })
    void aNumberThatCannotBeRecognisedIsRefusedNamingTheFieldAndRecordsNothing(String phone) {
        long contacts = count("select count(*) from contact");
        Api.malformedAs(CENTRE).body("{\"customer\":{\"phone\":\"" + phone + "\"},\"channel\":\"TELEPHONE\","
                + "\"record\":true}").post("/contact-checks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ubcs:problem:validation"))
                .body("errors.pointer", hasItem("/customer/phone"));
        assertEquals(contacts, count("select count(*) from contact"));
    }

    @Test
    void everyOtherIdentifierIsComparedInItsNormalForm() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var kase = Fixtures.appliedForCustomer("""
                {"fullName":"Bea  Jones %s","email":"Bea.%s@Example.org","address":{"line1":"1 Mill Lane",
                 "postcode":"cb30ap"}}""".formatted(tag, tag));
        Fixtures.impose(kase, Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}"));
        Api.as(Fixtures.OFFICER).get("/customers/" + kase.customerId()).then()
                .body("address.postcode", equalTo("CB3 0AP"));
        for (String email : List.of("bea." + tag + "@example.org", "  BEA." + tag + "@EXAMPLE.ORG ")) {
            Api.as(CENTRE).body("{\"customer\":{\"email\":\"" + email + "\"},\"channel\":\"EMAIL\"}")
                    .post("/contact-checks").then().statusCode(200).body("verdict", equalTo("REFUSE_CHANNEL"))
                    .body("customerId", equalTo(kase.customerId()));
        }
        for (String postcode : List.of("cb30ap", "CB3 0AP", " cb3  0ap ")) {
            Api.as(CENTRE).body("{\"customer\":{\"fullName\":\"bea jones " + tag + "\",\"postcode\":\"" + postcode
                    + "\"},\"channel\":\"TELEPHONE\"}").post("/contact-checks").then().statusCode(200)
                    .body("verdict", equalTo("REFUSE_CHANNEL")).body("customerId", equalTo(kase.customerId()));
        }
    }

    @Test
    void identifiersThatLeadToDifferentPeopleAskForVerification() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api.as(Fixtures.OFFICER).body("{\"fullName\":\"Cal " + tag + "\",\"email\":\"cal." + tag + "@example.org\"}")
                .post("/customers").then().statusCode(201);
        // The email is an unrestricted person's, the number a restricted one's: never ALLOW on the email alone.
        Api.as(CENTRE).body("{\"customer\":{\"email\":\"cal." + tag + "@example.org\",\"phone\":\"01604 " + line
                + "\"},\"channel\":\"TELEPHONE\"}").post("/contact-checks").then().statusCode(200)
                .body("verdict", equalTo("VERIFY_IDENTITY")).body("customerId", nullValue());
        // An unknown email with the restricted person's number: the number decides.
        Api.as(CENTRE).body("{\"customer\":{\"email\":\"nobody." + tag + "@example.org\",\"phone\":\"01604 " + line
                + "\"},\"channel\":\"TELEPHONE\"}").post("/contact-checks").then().statusCode(200)
                .body("verdict", equalTo("REFUSE_CHANNEL")).body("customerId", equalTo(landlineCustomer));
    }

    @Test
    void otherIdentifiersThatCannotBeReadAreRefusedTogether() {
        Api.malformedAs(CENTRE).body("{\"customer\":{\"email\":\"not-an-address\",\"fullName\":\"Ann\","
                + "\"postcode\":\"NOPE\"},\"channel\":\"EMAIL\"}").post("/contact-checks").then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/customer/email", "/customer/postcode"));
        Api.malformedAs(CENTRE).body("{\"customer\":{\"fullName\":\"Ann\"},\"channel\":\"EMAIL\"}")
                .post("/contact-checks").then().statusCode(400).body("errors.pointer", hasItem("/customer/postcode"));
        Api.malformedAs(CENTRE).body("{\"customer\":{\"fullName\":\" \\u200b \",\"postcode\":\"CB3 0AP\"},"
                + "\"channel\":\"EMAIL\"}").post("/contact-checks").then().statusCode(400)
                .body("errors.pointer", hasItem("/customer/fullName"));
        Api.malformedAs(CENTRE).body("{\"customer\":{},\"channel\":\"EMAIL\"}").post("/contact-checks").then()
                .statusCode(400).body("errors", hasSize(1)).body("errors[0].pointer", equalTo("/customer"));
    }

    @Test
    void aCustomerIsRecordedWithIdentifiersInNormalFormOrRefused() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = Api.as(Fixtures.OFFICER).body("""
                {"fullName":"Dee %s","phone":"0044 (0)20 7946.0018","address":{"line1":"2 Road","postcode":" sw1a1aa"},
                 "advocate":{"name":"Ada","phone":"020-7946-0019"}}""".formatted(tag)).post("/customers").then()
                .statusCode(201).body("phone", equalTo("+442079460018"))
                .body("address.postcode", equalTo("SW1A 1AA")).body("advocate.phone", equalTo("+442079460019"))
                .extract().path("id");
        Api.as(Fixtures.OFFICER).queryParam("phone", "020 7946 00").queryParam("name", tag).get("/customers").then()
                .body("items.id", containsInAnyOrder(id));
        long customers = count("select count(*) from customer");
        Api.malformedAs(Fixtures.OFFICER).body("{\"fullName\":\"Eve " + tag + "\",\"phone\":\"123456\","
                + "\"advocate\":{\"name\":\"Ada\",\"phone\":\"+44 1234\"}}").post("/customers").then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/phone", "/advocate/phone"));
        assertEquals(customers, count("select count(*) from customer"));
    }

    private static long count(String sql) {
        return TestServices.count(sql);
    }
}
