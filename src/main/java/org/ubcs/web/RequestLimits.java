package org.ubcs.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ubcs.problem.ProblemMappers;
import org.ubcs.problem.ProblemType;
import org.ubcs.problem.Problems;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The size limits the contract states (components/responses PayloadTooLarge, UriTooLong, HeaderFieldsTooLarge),
 * enforced before anything else looks at a request and answered as problem+json.
 * <p>
 * Why here and not in Vert.x: Vert.x's HTTP decoder answers a request line or headers over its limits itself, through
 * {@code HttpServer.invalidRequestHandler}, with a bare 414 or 431 and no body, and Quarkus neither sets that handler
 * nor lets an application set it (checked in 3.33: not through configuration, {@code HttpServerOptionsCustomizer},
 * nor the Router, which never sees such a request). Likewise Quarkus answers a body over
 * {@code quarkus.http.limits.max-body-size} with a bare 413. So those limits are set well above the contract's in
 * application.properties (request line 32 KiB, headers 64 KiB, body 8 MiB), and this route, ordered before Quarkus's
 * own body-size check, refuses what is over the contract's limits; {@link BodyLimit} refuses a chunked body (no
 * Content-Length) that grows past 1 MiB, and neither reads more than {@link #MAX_BODY_BYTES_READ_WHEN_REFUSED} of a
 * refused body, so Quarkus's own body limit is never reached. <b>What still gets a bare answer:</b> a request line
 * over 32 KiB (414) or headers over 64 KiB in all (431): the decoder answers those before any of our code runs.
 */
@ApplicationScoped
public class RequestLimits {

    /** The largest body accepted, in bytes (1 MiB). */
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The longest request line accepted (method, target and version), in characters (8 KiB). */
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    /** The most header bytes accepted, counting each header as sent: {@code name: value} and its line end (16 KiB). */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * The most of a refused body that is read (and dropped) so that the client, which sends all of it before reading
     * the answer, gets the answer and the connection stays open; beyond it the connection is closed after the answer.
     */
    static final long MAX_BODY_BYTES_READ_WHEN_REFUSED = 4 * MAX_BODY_BYTES;

    static final String BODY_DETAIL = "A request body may be at most " + MAX_BODY_BYTES + " bytes.";

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        // Just before Quarkus's own check of Content-Length against max-body-size (ROUTE_ORDER_UPLOAD_LIMIT).
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (requestLineLength(request) > MAX_REQUEST_LINE) {
            refuse(context, ProblemType.URI_TOO_LONG,
                    "The request line may be at most " + MAX_REQUEST_LINE + " characters.");
        } else if (headerBytes(request) > MAX_HEADER_BYTES) {
            refuse(context, ProblemType.HEADER_FIELDS_TOO_LARGE,
                    "The request's headers may be at most " + MAX_HEADER_BYTES + " bytes in all.");
        } else if (contentLength(request) > MAX_BODY_BYTES) {
            refuse(context, ProblemType.PAYLOAD_TOO_LARGE, BODY_DETAIL);
        } else {
            context.next();
        }
    }

    private static int requestLineLength(HttpServerRequest request) {
        // As sent: METHOD SP request-target SP HTTP-version ("HTTP/1.1" is 8 characters, as every version is).
        return request.method().name().length() + 1 + request.uri().length() + 1 + 8;
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return bytes;
    }

    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the decoder refuses a malformed Content-Length before we see it
        }
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        response.setStatusCode(type.status()).putHeader(HttpHeaderNames.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON);
        if (!request.isEnded()) {
            if (contentLength(request) > MAX_BODY_BYTES_READ_WHEN_REFUSED) {
                closeAfterAnswer(context); // not worth reading, as Quarkus does for a body over max-body-size
            } else {
                // Read the rest of the body and drop it, so that the client, which sends it all before it reads
                // the answer, is not cut off mid-send, and the connection stays usable.
                request.handler(ignored -> {
                });
                request.resume();
            }
        }
        response.end(Problems.json(mapper, Problems.of(type, detail, request.path())));
    }

    /** Tells the client the connection closes after this answer, and closes it then. */
    static void closeAfterAnswer(RoutingContext context) {
        context.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        context.addEndHandler(ended -> context.request().connection().close());
    }
}
