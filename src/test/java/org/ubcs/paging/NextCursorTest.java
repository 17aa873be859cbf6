package org.ubcs.paging;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A typed client pages by passing {@code nextCursor} back as {@code cursor}, never parsing {@code next}: for lists of
 * different capabilities, that gives the very page {@code next} links to, the walk collects exactly what one large
 * page holds, and the last page has neither {@code nextCursor} nor {@code next} (absent, not null).
 */
@QuarkusTest
class NextCursorTest {

    private static final int LIMIT = 2;

    @Test
    void cases() {
        String customer = Fixtures.customer("Paged Customer");
        for (int i = 0; i < 5; i++) {
            Api.as(Fixtures.OFFICER).body(Fixtures.referralBody(customer, "\"UNREASONABLY_PERSISTENT\""))
                    .post("/cases").then().statusCode(201);
        }
        walk(Fixtures.OFFICER, "/cases", filters("customerId", customer), 5);
    }

    @Test
    void auditEvents() {
        Case kase = Fixtures.assessed();
        walk("AUDITOR", "/audit-events", filters("entityType", "CASE", "entityId", kase.id()), 4);
    }

    @Test
    void evidence() {
        Case kase = Fixtures.referred();
        for (int i = 0; i < 4; i++) {
            Api.as(Fixtures.OFFICER).body("""
                    {"occurredAt":"2026-10-0%dT09:15:00Z","channel":"TELEPHONE","officer":"J. Smith, Highways",
                     "behaviours":["REPETITION"],"summary":"Call %d."}""".formatted(i + 1, i + 1))
                    .post("/cases/" + kase.id() + "/evidence").then().statusCode(201);
        }
        walk("APPEAL_REVIEWER", "/cases/" + kase.id() + "/evidence", filters(), 4);
    }

    @Test
    void holds() {
        Case kase = Fixtures.referred();
        for (String kind : List.of("LEGAL_HOLD", "OMBUDSMAN_COMPLAINT", "LEGAL_HOLD")) {
            Api.as("LEGAL").body("{\"kind\":\"" + kind + "\",\"reason\":\"County court claim KB-1.\"}")
                    .post("/cases/" + kase.id() + "/holds").then().statusCode(201);
        }
        walk("AUDITOR", "/cases/" + kase.id() + "/holds", filters(), 3);
    }

    @Test
    void customers() {
        String name = "Cursor Walk " + java.util.UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Fixtures.customer(name);
        }
        walk(Fixtures.OFFICER, "/customers", filters("name", name), 3);
    }

    /**
     * Pages through {@code path} {@value #LIMIT} at a time by {@code nextCursor}, checking each page against the one
     * its predecessor's {@code next} link gives, and the whole walk against one unpaged answer.
     */
    private static void walk(String role, String path, Map<String, Object> filters, int atLeast) {
        JsonPath whole = get(role, path, filters, 100, null);
        List<Object> expected = whole.getList("items.id");
        assertTrue(expected.size() >= atLeast, () -> path + ": expected at least " + atLeast + " items, got "
                + expected.size());
        assertLastPage(path, whole);

        List<Object> walked = new ArrayList<>();
        JsonPath page = get(role, path, filters, LIMIT, null);
        int pages = 1;
        while (page.get("nextCursor") != null) {
            assertEquals(LIMIT, page.getList("items").size(), path + ": a page with a next one is full");
            walked.addAll(page.getList("items.id"));
            String cursor = page.getString("nextCursor");
            String next = page.getString("next");
            assertNotNull(next, path + ": a page with nextCursor also links to the next one");
            assertTrue(next.contains("cursor=" + cursor + "&") || next.endsWith("cursor=" + cursor),
                    () -> path + ": next " + next + " carries nextCursor " + cursor);

            JsonPath byLink = Api.as(role).urlEncodingEnabled(false).get(next).then().statusCode(200).extract()
                    .jsonPath();
            JsonPath byCursor = get(role, path, filters, LIMIT, cursor);
            assertAll(path + " page " + (pages + 1) + ", by nextCursor and by next",
                    () -> assertEquals(byLink.getList("items"), byCursor.getList("items")),
                    () -> assertEquals(byLink.getString("nextCursor"), byCursor.getString("nextCursor")),
                    () -> assertEquals(byLink.getString("next"), byCursor.getString("next")));
            page = byCursor;
            pages++;
            assertTrue(pages <= expected.size() + 1, path + ": paging does not end");
        }
        walked.addAll(page.getList("items.id"));
        assertLastPage(path, page);
        assertTrue(pages > 1, path + ": more than one page was walked");
        assertEquals(expected, walked, path + ": walking by nextCursor gives every item once, in order");
    }

    private static void assertLastPage(String path, JsonPath page) {
        Map<String, Object> body = page.getMap("$");
        assertFalse(body.containsKey("nextCursor"), path + ": the last page has no nextCursor, not even null");
        assertFalse(body.containsKey("next"), path + ": the last page has no next, not even null");
    }

    private static JsonPath get(String role, String path, Map<String, Object> filters, int limit, String cursor) {
        var request = Api.as(role).queryParams(filters).queryParam("limit", limit);
        if (cursor != null) {
            request = request.queryParam("cursor", cursor);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> filters(String... namesAndValues) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            filters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return filters;
    }
}
