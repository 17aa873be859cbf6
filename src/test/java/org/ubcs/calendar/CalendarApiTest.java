package org.ubcs.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/** The calendar as the API serves it; the arithmetic itself is proven in the plain unit tests beside this one. */
@QuarkusTest
class CalendarApiTest {

    static final String ANYONE = "CONTACT_CENTRE";

    @Test
    void saysWhetherADayIsAWorkingDayAndWhyNot() {
        Api.as(ANYONE).get("/calendar/days/2026-12-28").then().statusCode(200)
                .body("workingDay", equalTo(false)).body("reason", equalTo("Boxing Day"))
                .body("region", equalTo("ENGLAND_AND_WALES"));
        Api.as(ANYONE).get("/calendar/days/2026-12-19").then().body("reason", equalTo("Saturday"));
        Api.as(ANYONE).get("/calendar/days/2026-12-22").then().body("workingDay", equalTo(true));
        Api.as(ANYONE).queryParam("region", "SCOTLAND").get("/calendar/days/2026-11-30").then()
                .body("workingDay", equalTo(false)).body("reason", containsString("Andrew"));
        Api.as(ANYONE).get("/calendar/days/2026-11-30").then().body("workingDay", equalTo(true));
    }

    @Test
    void computesADeadlineAcrossChristmasAndListsTheDaysNotCounted() {
        // After Fri 18 Dec 2026: 21,22,23,24 Dec; 25 Christmas, 28 Boxing Day (substitute); 29,30,31;
        // 1 Jan holiday; 4..8 Jan; 11,12,13 Jan: the 15th working day is Wed 13 Jan 2027.
        Api.as(ANYONE).queryParam("from", "2026-12-18").queryParam("workingDays", 15).get("/calendar/deadlines")
                .then().statusCode(200).body("deadline", equalTo("2027-01-13"))
                .body("nonWorkingDays.date", hasItem("2026-12-28"))
                .body("nonWorkingDays.reason", hasItem("Boxing Day"));
        Api.as(ANYONE).queryParam("from", "2026-12-18").queryParam("to", "2027-01-13").get("/calendar/working-days")
                .then().statusCode(200).body("workingDays", equalTo(15));
        // A letter emailed at 23:30 UTC on 30 June is dated 1 July in London.
        Api.as(ANYONE).queryParam("at", "2026-06-30T23:30:00Z").queryParam("workingDays", 1)
                .get("/calendar/deadlines").then().body("from", equalTo("2026-07-01"))
                .body("deadline", equalTo("2026-07-02"));
    }

    @Test
    void listsAYearsHolidaysPerRegion() {
        Api.as(ANYONE).queryParam("year", 2027).get("/calendar/holidays").then().statusCode(200)
                .body("holidays.date", hasItem("2027-12-27")).body("holidays.date", hasItem("2027-12-28"))
                .body("holidays.date", hasItem("2027-03-29")); // Easter Monday, not a holiday in Scotland
        Api.as(ANYONE).queryParam("year", 2027).queryParam("region", "SCOTLAND").get("/calendar/holidays").then()
                .body("holidays.date", hasItem("2027-01-04")).body("holidays.date", not(hasItem("2027-03-29")));
        Api.as(ANYONE).queryParam("year", 2027).queryParam("region", "NORTHERN_IRELAND").get("/calendar/holidays")
                .then().body("holidays.date", hasItem("2027-03-17")).body("holidays.date", hasItem("2027-07-12"));
    }

    @Test
    void refusesQuestionsItCannotAnswer() {
        bad(Api.malformedAs(ANYONE).queryParam("region", "WESSEX").get("/calendar/days/2026-12-25"), "region");
        bad(Api.malformedAs(ANYONE).queryParam("from", "2026-12-18").queryParam("workingDays", -1)
                .get("/calendar/deadlines"), "workingDays");
        bad(Api.malformedAs(ANYONE).queryParam("from", "2026-12-18").get("/calendar/deadlines"), "workingDays");
        bad(Api.as(ANYONE).queryParam("from", "2026-12-18").queryParam("at", "2026-12-18T10:00:00Z")
                .queryParam("workingDays", 3).get("/calendar/deadlines"), "from");
        bad(Api.as(ANYONE).queryParam("from", "2027-01-13").queryParam("to", "2026-12-18")
                .get("/calendar/working-days"), "to");
        bad(Api.as(ANYONE).queryParam("year", 1999).get("/calendar/holidays"), "year");
        bad(Api.as(ANYONE).get("/calendar/days/2061-01-03"), "date");
        bad(Api.as(ANYONE).queryParam("from", "2040-12-20").queryParam("workingDays", 30)
                .get("/calendar/deadlines"), "workingDays");
        Api.malformedAs(ANYONE).get("/calendar/days/2026-02-30").then().statusCode(400)
                .body("errors[0].parameter", equalTo("date"));
    }

    private static void bad(io.restassured.response.Response response, String parameter) {
        response.then().statusCode(400).body("errors.parameter", hasItem(parameter));
    }

    @Test
    void thePolicyOwnerAddsAndRemovesHolidaysWithAnAuditTrail() {
        String body = "{\"region\":\"ENGLAND_AND_WALES\",\"date\":\"2027-09-13\",\"kind\":\"ADD_HOLIDAY\","
                + "\"name\":\"Bank holiday by proclamation\"}";
        String id = Api.as("POLICY_OWNER").body(body).post("/calendar/overrides").then().statusCode(201)
                .body("kind", equalTo("ADD_HOLIDAY")).body("createdBy.subject", equalTo("test-policy_owner"))
                .extract().path("id");
        try {
            Api.as(ANYONE).get("/calendar/days/2027-09-13").then().body("workingDay", equalTo(false))
                    .body("reason", equalTo("Bank holiday by proclamation"));
            Api.as(ANYONE).queryParam("year", 2027).get("/calendar/holidays").then()
                    .body("holidays.find { it.date == '2027-09-13' }.source", equalTo("ADDED"));
            Api.as("POLICY_OWNER").body(body).post("/calendar/overrides").then().statusCode(422)
                    .body("rule", equalTo("DUPLICATE_OVERRIDE"));
            Api.as(ANYONE).get("/calendar/overrides").then().body("items.id", hasItem(id));
        } finally {
            Api.as("POLICY_OWNER").delete("/calendar/overrides/" + id).then().statusCode(204);
        }
        Api.as(ANYONE).get("/calendar/days/2027-09-13").then().body("workingDay", equalTo(true));
        Api.as("AUDITOR").queryParam("entityId", id).get("/audit-events").then()
                .body("items.action", hasItem("CALENDAR_OVERRIDE_ADDED"))
                .body("items.action", hasItem("CALENDAR_OVERRIDE_REMOVED"));
        Api.as("POLICY_OWNER").delete("/calendar/overrides/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aDayRemovedFromTheListBecomesAWorkingDay() {
        Api.as("POLICY_OWNER").body("{\"region\":\"ENGLAND_AND_WALES\",\"date\":\"2027-09-14\",\"kind\":"
                + "\"REMOVE_HOLIDAY\",\"name\":\"Not a holiday\"}").post("/calendar/overrides").then()
                .statusCode(422).body("rule", equalTo("NOT_A_HOLIDAY"));
        String id = Api.as("POLICY_OWNER").body("{\"region\":\"NORTHERN_IRELAND\",\"date\":\"2027-07-12\",\"kind\":"
                + "\"REMOVE_HOLIDAY\",\"name\":\"Moved by proclamation\"}").post("/calendar/overrides").then()
                .statusCode(201).extract().path("id");
        try {
            Api.as(ANYONE).queryParam("region", "NORTHERN_IRELAND").get("/calendar/days/2027-07-12").then()
                    .body("workingDay", equalTo(true));
        } finally {
            Api.as("POLICY_OWNER").delete("/calendar/overrides/" + id).then().statusCode(204);
        }
        Api.malformedAs("POLICY_OWNER").body("{\"region\":\"ENGLAND_AND_WALES\",\"date\":\"2027-09-14\","
                + "\"kind\":\"MOVE_HOLIDAY\",\"name\":\"x\"}").post("/calendar/overrides").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/kind"));
        Api.as("POLICY_OWNER").body("{\"region\":\"ENGLAND_AND_WALES\",\"date\":\"1990-01-02\","
                + "\"kind\":\"ADD_HOLIDAY\",\"name\":\"x\"}").post("/calendar/overrides").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/date"));
    }
}
