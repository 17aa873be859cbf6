package org.ubcs.register;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.StokeOnTrent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Where the council keeps a register of potentially dangerous persons and properties, a contact check about a person
 * or an address with an entry in force carries the entry's precautions, beside a verdict they never change, and every
 * one shown is logged as a view: who, when, which entry, why.
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterPrecautionsInContactCheckTest {

    private static final Random RANDOM = new Random();

    /** Someone in the contact centre, or a field officer, with a subject of this test's own. */
    private record Staff(String subject, String name, String role) {
        static Staff centre() {
            return new Staff("centre-" + UUID.randomUUID(), "Cal Centre", "CONTACT_CENTRE");
        }

        static Staff fieldOfficer() {
            return new Staff("field-" + UUID.randomUUID(), "Fay Field", "FIELD_OFFICER");
        }

        RequestSpecification api() {
            return Api.asUser(subject, name, role);
        }
    }

    /** A customer on record, with identifiers of this test's own. */
    private record Customer(String id, String fullName, String email, String phone, String line1, String postcode) {
    }

    private static RequestSpecification author() {
        return Api.asUser("register-author", "Rhea Author", "COMPLAINTS_OFFICER");
    }

    private static RequestSpecification approver() {
        return Api.asUser("register-approver", "Abe Approver", "DECISION_MAKER");
    }

    private static String tag() {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return letters.toString();
    }

    /** A postcode few other tests will use (ST1 to ST9), written as people type it. */
    private static String postcode() {
        return "ST" + (1 + RANDOM.nextInt(9)) + " " + RANDOM.nextInt(10) + (char) ('A' + RANDOM.nextInt(26))
                + (char) ('A' + RANDOM.nextInt(26));
    }

    private static Customer customer() {
        String tag = tag();
        String phone = "01632 " + (100000 + RANDOM.nextInt(900000));
        Customer c = new Customer(null, "Ada " + tag, "ada." + tag + "@example.org", phone, "12 " + tag + " Street",
                postcode());
        String id = author().body("""
                {"fullName":"%s","email":"%s","phone":"%s","address":{"line1":"%s","postcode":"%s"}}"""
                .formatted(c.fullName(), c.email(), c.phone(), c.line1(), c.postcode()))
                .post("/customers").then().statusCode(201).extract().path("id");
        return new Customer(id, c.fullName(), c.email(), c.phone(), c.line1(), c.postcode());
    }

    private static String aboutTheCustomer(String customerId) {
        return "\"person\":{\"customerId\":\"" + customerId + "\"}";
    }

    private static String aboutTheProperty(String line1, String postcode) {
        return "\"property\":{\"address\":{\"line1\":\"" + line1 + "\",\"postcode\":\"" + postcode + "\"}}";
    }

    /** A draft entry about whoever or whatever {@code about} gives (JSON members); returns its id and ETag. */
    private static String[] draft(String about) {
        var created = author().body("""
                {%s,
                 "incidents":[{"occurredOn":"%s","whatHappened":"Shouted threats at the housing officer.",
                   "witnessedBy":"Housing officer J. Smith"}],
                 "riskLevel":"HIGH",
                 "precautions":[{"code":"VISIT_IN_PAIRS"},{"code":"TELEPHONE_BEFORE_VISITING","note":"Ring first."}],
                 "communication":{"channels":["LETTER","TELEPHONE"],"arrangements":"Letters to the tenant."}}"""
                .formatted(about, Fixtures.TODAY.minusDays(3)))
                .post("/register-entries").then().statusCode(201).extract();
        return new String[] { created.path("id"), created.header("ETag") };
    }

    /** An entry in force: drafted by one person, approved by another; returns its id and ETag. */
    private static String[] inForce(String about) {
        String[] drafted = draft(about);
        var approved = approver().header("If-Match", drafted[1]).post("/register-entries/" + drafted[0] + "/approval")
                .then().statusCode(200).body("state", equalTo("APPROVED")).extract();
        return new String[] { drafted[0], approved.header("ETag") };
    }

    private static ValidatableResponse check(Staff staff, String body) {
        return staff.api().body(body).post("/contact-checks").then().statusCode(200);
    }

    private static ValidatableResponse checkById(Staff staff, String customerId, String channel) {
        return check(staff, "{\"customerId\":\"" + customerId + "\",\"channel\":\"" + channel + "\"}");
    }

    private static JsonPath views(Staff viewer) {
        return Api.as("POLICY_OWNER").queryParam("viewer", viewer.subject()).get("/register-views").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aCheckByCustomerIdCarriesThePrecautionsAndLogsEachView() {
        Customer customer = customer();
        String entry = inForce(aboutTheCustomer(customer.id()))[0];
        Staff centre = Staff.centre();

        checkById(centre, customer.id(), "TELEPHONE").body("verdict", equalTo("ALLOW"))
                .body("precautions", hasSize(1))
                .body("precautions[0].entryId", equalTo(entry))
                .body("precautions[0].matchedBy", contains("CUSTOMER"))
                .body("precautions[0].appliesTo.customerId", equalTo(customer.id()))
                .body("precautions[0].appliesTo.fullName", equalTo(customer.fullName()))
                .body("precautions[0].riskLevel", equalTo("HIGH"))
                .body("precautions[0].precautions.code", contains("VISIT_IN_PAIRS", "TELEPHONE_BEFORE_VISITING"))
                .body("precautions[0].precautions.label", contains("Visit in pairs", "Telephone before visiting"))
                .body("precautions[0].precautions[1].note", equalTo("Ring first."))
                .body("precautions[0].communication.channels", containsInAnyOrder("LETTER", "TELEPHONE"))
                .body("precautions[0].incidents", nullValue());

        JsonPath logged = views(centre);
        assertEquals(1, logged.getList("items").size());
        assertEquals(entry, logged.getString("items[0].entryId"));
        assertEquals("CONTACT_CHECK", logged.getString("items[0].via"));
        assertEquals("CALL", logged.getString("items[0].purpose"));
        assertEquals(centre.subject(), logged.getString("items[0].viewer.subject"));
        assertEquals(centre.name(), logged.getString("items[0].viewer.name"));

        // The purpose follows the channel: a meeting face to face, anything else is "other".
        Staff field = Staff.fieldOfficer();
        checkById(field, customer.id(), "FACE_TO_FACE").body("precautions[0].entryId", equalTo(entry));
        checkById(field, customer.id(), "EMAIL").body("precautions[0].entryId", equalTo(entry));
        JsonPath fieldViews = views(field);
        assertEquals(List.of("MEETING", "OTHER"), fieldViews.getList("items.purpose"));
        assertEquals(List.of("CONTACT_CHECK", "CONTACT_CHECK"), fieldViews.getList("items.via"));
        assertEquals(List.of(entry, entry), fieldViews.getList("items.entryId"));
    }

    @Test
    void theCustomersEmailPhoneOrNameAndPostcodeFindThePrecautionsToo() {
        Customer customer = customer();
        String entry = inForce(aboutTheCustomer(customer.id()))[0];
        Staff centre = Staff.centre();

        check(centre, "{\"customer\":{\"phone\":\"" + customer.phone() + "\"},\"channel\":\"TELEPHONE\"}")
                .body("customerId", equalTo(customer.id())).body("precautions.entryId", contains(entry));
        check(centre, "{\"customer\":{\"email\":\"" + customer.email().toUpperCase() + "\"},\"channel\":\"EMAIL\"}")
                .body("customerId", equalTo(customer.id())).body("precautions.entryId", contains(entry));
        check(centre, "{\"customer\":{\"fullName\":\"" + customer.fullName() + "\",\"postcode\":\""
                + customer.postcode().replace(" ", "").toLowerCase() + "\"},\"channel\":\"LETTER\"}")
                .body("customerId", equalTo(customer.id())).body("precautions.entryId", contains(entry));
        assertEquals(List.of("CALL", "OTHER", "OTHER"), views(centre).getList("items.purpose"));
    }

    @Test
    void aDraftEntryGivesNoPrecautions() {
        Customer customer = customer();
        draft(aboutTheCustomer(customer.id()));
        Staff centre = Staff.centre();

        checkById(centre, customer.id(), "TELEPHONE").body("customerId", equalTo(customer.id()))
                .body("precautions", nullValue());
        assertEquals(0, views(centre).getList("items").size());
    }

    @Test
    void aRemovedEntryGivesNoPrecautions() {
        Customer customer = customer();
        String[] entry = inForce(aboutTheCustomer(customer.id()));
        Staff centre = Staff.centre();
        checkById(centre, customer.id(), "TELEPHONE").body("precautions.entryId", contains(entry[0]));

        approver().header("If-Match", entry[1]).body("{\"reason\":\"RISK_GONE\",\"notes\":\"Moved out of the area.\"}")
                .post("/register-entries/" + entry[0] + "/removal").then().statusCode(200)
                .body("state", equalTo("REMOVED"));
        checkById(centre, customer.id(), "TELEPHONE").body("precautions", nullValue());
        assertEquals(1, views(centre).getList("items").size()); // the one before the removal
    }

    @Test
    void anEntryAboutTheCustomersHomeGivesItsPrecautionsButANeighboursDoesNot() {
        Customer customer = customer();
        // The same home written another way: case, spacing and punctuation are not what makes an address.
        String home = inForce(aboutTheProperty(customer.line1().toUpperCase().replace(" Street", ", Street."),
                customer.postcode().replace(" ", "").toLowerCase()))[0];
        inForce(aboutTheProperty("14 " + customer.line1().substring(3), customer.postcode()));
        Staff centre = Staff.centre();

        checkById(centre, customer.id(), "TELEPHONE").body("precautions", hasSize(1))
                .body("precautions[0].entryId", equalTo(home))
                .body("precautions[0].matchedBy", containsInAnyOrder("POSTCODE", "ADDRESS"))
                .body("precautions[0].appliesTo.customerId", nullValue())
                .body("precautions[0].appliesTo.postcode", equalTo(customer.postcode()));
        assertEquals(List.of(home), views(centre).getList("items.entryId"));
    }

    @Test
    void aCallerNotOnRecordIsMatchedByTheNameAndPostcodeTheyGive() {
        String name = "Sam " + tag();
        String postcode = postcode();
        String entry = inForce("\"person\":{\"fullName\":\"" + name + "\",\"dateOfBirth\":\"1970-04-01\"},"
                + aboutTheProperty("3 Mill Lane", postcode))[0];
        Staff centre = Staff.centre();

        check(centre, "{\"customer\":{\"fullName\":\"" + name.toUpperCase() + "\",\"postcode\":\"" + postcode
                + "\"},\"channel\":\"TELEPHONE\"}")
                .body("customerId", nullValue()).body("verdict", equalTo("ALLOW"))
                .body("precautions.entryId", contains(entry));
        // Another name at that postcode is not that person, and a postcode is not an address.
        check(centre, "{\"customer\":{\"fullName\":\"Someone " + tag() + "\",\"postcode\":\"" + postcode
                + "\"},\"channel\":\"TELEPHONE\"}").body("precautions", nullValue());
        assertEquals(List.of(entry), views(centre).getList("items.entryId"));
    }

    @Test
    void thePrecautionsNeverChangeTheVerdict() {
        String restriction = Fixtures.restriction("{\"type\":\"CHANNEL_LIMIT\",\"allowedChannels\":[\"LETTER\"]}");
        Fixtures.Case onTheRegister = applied();
        Fixtures.impose(onTheRegister, restriction);
        Fixtures.Case notOnIt = applied();
        Fixtures.impose(notOnIt, restriction);
        inForce(aboutTheCustomer(onTheRegister.customerId()));
        Staff centre = Staff.centre();

        for (String channel : new String[] { "TELEPHONE", "LETTER", "FACE_TO_FACE" }) {
            JsonPath with = checkById(centre, onTheRegister.customerId(), channel)
                    .body("precautions", hasSize(1)).extract().jsonPath();
            JsonPath without = checkById(centre, notOnIt.customerId(), channel)
                    .body("precautions", nullValue()).extract().jsonPath();
            assertEquals(without.getString("verdict"), with.getString("verdict"), channel);
            assertEquals(without.getString("script"), with.getString("script"), channel);
            assertEquals(without.getList("allowedChannels"), with.getList("allowedChannels"), channel);
            assertEquals(without.getList("notes"), with.getList("notes"), channel);
        }
    }

    /** A case whose decision applied the policy yesterday, reviewed after Stoke-on-Trent's minimum of six months. */
    private static Fixtures.Case applied() {
        LocalDate decidedOn = Fixtures.TODAY.minusDays(1);
        return Fixtures.step(Fixtures.assessed(), Fixtures.DECIDER, "POST", "decision",
                Fixtures.decision("APPLY_POLICY", decidedOn, decidedOn, decidedOn.plusMonths(6)));
    }

    @Test
    void aCustomerWithNoEntryGetsNoPrecautionsAndNoViewIsLogged() {
        Customer customer = customer();
        Staff centre = Staff.centre();

        checkById(centre, customer.id(), "TELEPHONE").body("verdict", equalTo("ALLOW"))
                .body("customerId", equalTo(customer.id())).body("precautions", nullValue());
        assertEquals(0, views(centre).getList("items").size());
    }

    @Test
    void recordingTheContactCarriesThePrecautionsToo() {
        Customer customer = customer();
        String entry = inForce(aboutTheCustomer(customer.id()))[0];
        Staff centre = Staff.centre();

        centre.api().header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"customerId\":\"" + customer.id() + "\",\"channel\":\"TELEPHONE\",\"record\":true}")
                .post("/contact-checks").then().statusCode(200)
                .body("recordedContactId", notNullValue())
                .body("precautions.entryId", contains(entry));
        assertEquals(List.of("CALL"), views(centre).getList("items.purpose"));
    }
}
