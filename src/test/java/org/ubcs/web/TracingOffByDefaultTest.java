package org.ubcs.web;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * With the default configuration tracing costs nothing: Quarkus installs no tracer in Vert.x (so HTTP requests and
 * SQL statements pass no tracing code), the request id is not a trace id, and nothing is exported.
 */
@QuarkusTest
class TracingOffByDefaultTest {

    @Inject
    Vertx vertx;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void noTracerNoSpansNoExport() throws InterruptedException {
        assertNull(((VertxInternal) vertx).tracer(), "a Vert.x tracer is installed");
        String requestId = Api.as(Fixtures.OFFICER).get("/policy-profile").then().statusCode(200).extract()
                .header("X-Request-Id");
        assertTrue(requestId.matches("[0-9a-f]{32}"), requestId);
        Thread.sleep(200);
        assertTrue(spans.getFinishedSpanItems().isEmpty(), () -> "exported: " + spans.getFinishedSpanItems());
    }
}
