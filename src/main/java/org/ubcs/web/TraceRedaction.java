package org.ubcs.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps personal data out of traces (when tracing is switched on). HTTP server spans carry the raw path and query as
 * attributes; query strings hold names, email addresses, phone numbers and postcodes, and a path the service does not
 * know may hold anything. Those attributes are overwritten as each span starts; the span's name and
 * {@code http.route} still give the contract's path template. (Exception events, whose messages may quote stored
 * values, are dropped by {@code quarkus.otel.span.event.count.limit=0}.)
 */
@ApplicationScoped
public class TraceRedaction implements SpanProcessor {

    static final String REDACTED = "redacted";
    static final List<AttributeKey<String>> PERSONAL = List.of(AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("url.query"), AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("http.target"), AttributeKey.stringKey("http.url"),
            AttributeKey.stringKey("client.address"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : PERSONAL) {
            if (span.getAttribute(key) != null) {
                span.setAttribute(key, REDACTED);
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
