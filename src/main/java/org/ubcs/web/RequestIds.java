package org.ubcs.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which id a request is known by in the logs (and in the {@code X-Request-Id} response header): the trace-id of a
 * valid W3C {@code traceparent}, else a caller's {@code X-Request-Id} if it is a plain token, else the trace id of
 * the request's own span when tracing is on, else a new random one.
 * <p>
 * Fail safe: a header that does not fit its pattern is never logged or echoed, not even in part; it is replaced by a
 * generated id. A caller's text could otherwise forge log lines (a newline), smuggle personal data into the logs, or
 * inflate them.
 */
public final class RequestIds {

    /** A caller's X-Request-Id is kept only if it is a short plain token. */
    static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** W3C Trace Context: version-traceid-parentid-flags, lower-case hex; later versions may append fields. */
    private static final Pattern TRACEPARENT = Pattern
            .compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[^\\s]*)?");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** The id for a request carrying these headers (either may be null), without tracing. */
    public static String choose(String traceparent, String requestId) {
        return choose(traceparent, requestId, null);
    }

    /** The id for a request carrying these headers, traced (when tracing is on) under {@code traceId}. */
    public static String choose(String traceparent, String requestId, String traceId) {
        String parent = traceId(traceparent);
        if (parent != null) {
            return parent;
        }
        if (requestId != null && SANE.matcher(requestId).matches()) {
            return requestId;
        }
        return traceId != null ? traceId : generate();
    }

    /** The trace-id of a valid traceparent header, or null. */
    static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() > 512) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches() || "ff".equals(m.group(1)) || ("00".equals(m.group(1)) && m.group(5) != null)
                || ZERO_TRACE.equals(m.group(2)) || ZERO_PARENT.equals(m.group(3))) {
            return null;
        }
        return m.group(2);
    }

    /** 32 random hex digits: the shape of a trace-id, so generated and traced ids look alike. */
    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
