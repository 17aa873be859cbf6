package org.ubcs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Tracing switched on by configuration alone (the one test profile that does: each profile restarts Quarkus). Spans
 * go to the tests' in-memory exporter, never over the network.
 */
@QuarkusTest
@TestProfile(TracingTest.Traced.class)
class TracingTest {

    public static class Traced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRequestIsAServerSpanWithItsDatabaseSpansAsChildren() {
        String id = Fixtures.customer("Traced Person");
        spans.reset();
        String requestId = Api.as(Fixtures.OFFICER).get("/customers/" + id).then().statusCode(200).extract()
                .header("X-Request-Id");

        SpanData server = await(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("GET /customers/{customerId}"));
        assertEquals("/customers/{customerId}", server.getAttributes().get(AttributeKey.stringKey("http.route")));
        assertEquals(server.getTraceId(), requestId, "the request id is the trace id when the caller sent none");
        SpanData database = await(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(server.getTraceId())
                && system(s).startsWith("postgres"));
        assertTrue(descends(database, server), () -> "not under the server span: " + database);
    }

    @Test
    void aCallersTraceIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String requestId = Api.as(Fixtures.OFFICER).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/policy-profile").then().statusCode(200).extract().header("X-Request-Id");
        assertEquals(traceId, requestId);
        SpanData server = await(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertEquals("00f067aa0ba902b7", server.getParentSpanId());
    }

    @Test
    void noPersonalDataInSpans() {
        String secret = "Quimby" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.customer(secret);
        spans.reset();
        String requestId = Api.as(Fixtures.OFFICER).queryParam("name", secret).queryParam("postcode", "ZX9 9QQ")
                .get("/customers").then().statusCode(200).extract().header("X-Request-Id");
        SpanData server = await(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(requestId));
        await(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(server.getTraceId()));
        assertEquals("/customers", server.getAttributes().get(AttributeKey.stringKey("http.route")));
        List<SpanData> leaking = spans.getFinishedSpanItems().stream()
                .filter(s -> (s.toString()).contains(secret) || s.toString().contains("ZX9")).toList();
        assertTrue(leaking.isEmpty(), () -> "Personal data in spans: " + leaking);
        assertFalse(spans.getFinishedSpanItems().isEmpty());
    }

    private static String system(SpanData span) {
        String now = span.getAttributes().get(AttributeKey.stringKey("db.system.name"));
        String old = span.getAttributes().get(AttributeKey.stringKey("db.system"));
        return now != null ? now : old != null ? old : "";
    }

    private boolean descends(SpanData span, SpanData ancestor) {
        String parent = span.getParentSpanId();
        for (int depth = 0; depth < 20; depth++) {
            if (parent.equals(ancestor.getSpanId())) {
                return true;
            }
            String current = parent;
            Optional<SpanData> up = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getSpanId().equals(current)).findFirst();
            if (up.isEmpty()) {
                return false;
            }
            parent = up.get().getParentSpanId();
        }
        return false;
    }

    private SpanData await(Predicate<SpanData> wanted) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("No such span among " + spans.getFinishedSpanItems());
    }
}
