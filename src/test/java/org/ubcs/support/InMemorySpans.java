package org.ubcs.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The span exporter of the tests. With a SpanExporter bean present Quarkus builds no OTLP exporter, so even a test
 * that switches tracing on (TracingTest) never tries to connect to a collector. With the SDK disabled (the default)
 * it is never called.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
