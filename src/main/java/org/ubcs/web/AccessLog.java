package org.ubcs.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One access line per request (logger {@code org.ubcs.access}), and the request id in the MDC of every line written
 * while the request is handled.
 * <p>
 * The line's MDC fields: {@code requestId} (see {@link RequestIds}; also sent back as {@code X-Request-Id}),
 * {@code operationId} (the contract's operationId: the generated interfaces' method names are the operationIds),
 * {@code method}, {@code route} (the contract's path <em>template</em>, e.g. {@code /customers/{customerId}}),
 * {@code status} and {@code durationMs}. Never the raw path, the query string, headers or bodies: query strings carry
 * names, email addresses, phone numbers and postcodes. A request no operation matched (an unknown path, one refused
 * by {@link RequestLimits} before routing) is logged with route {@code -} and no operationId. Quarkus's own endpoints
 * under {@code /q/} (health probes, metrics) are logged at DEBUG only, so probes do not flood the log.
 * <p>
 * A Vert.x route (ordered before {@link RequestLimits}, so refusals are logged too) starts the clock, chooses the id
 * and writes the line when the response has ended; a RESTEasy filter pair names the operation once it is matched (the
 * response filter also sees requests refused by the security checks, which run before request filters).
 */
@ApplicationScoped
public class AccessLog {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String OPERATION_ID = "operationId";
    static final String[] LINE_FIELDS = { "method", "route", "status", "durationMs" };

    private static final Logger LOG = Logger.getLogger("org.ubcs.access");
    private static final String LOCAL = AccessLog.class.getName();
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    /** What is known of one request; shared by the route and the filters through the request's Vert.x context. */
    static final class Request {
        final long start = System.nanoTime();
        final String id;
        volatile String operationId;
        volatile String route;

        Request(String id) {
            this.id = id;
        }
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 10).handler(this::begin);
    }

    void begin(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Request access = new Request(RequestIds.choose(request.getHeader("traceparent"), request.getHeader(HEADER),
                tracedId()));
        Context context = Vertx.currentContext();
        // Each request runs on its own duplicated context, whose locals (and Quarkus's MDC) die with the request. On
        // any other context the MDC would outlive the request, so nothing is put there.
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(LOCAL, access);
            MDC.put(REQUEST_ID, access.id);
        }
        rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, access.id));
        rc.addEndHandler(v -> write(rc, access));
        rc.next();
    }

    /** The trace id of the request's server span when tracing is on (without a traceparent it is a new one). */
    private static String tracedId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    @ServerRequestFilter(preMatching = false)
    public void matched(ResourceInfo resource) {
        Request access = current();
        if (access != null && name(access, resource)) {
            MDC.put(OPERATION_ID, access.operationId);
        }
    }

    @ServerResponseFilter
    public void answered(ResourceInfo resource) {
        Request access = current();
        if (access != null && access.operationId == null) {
            name(access, resource);
        }
    }

    private static Request current() {
        Context context = Vertx.currentContext();
        return context == null || !VertxContext.isDuplicatedContext(context) ? null : context.getLocal(LOCAL);
    }

    private static boolean name(Request access, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        access.operationId = method.getName();
        access.route = TEMPLATES.computeIfAbsent(method, m -> template(resource.getResourceClass(), m));
        return true;
    }

    private void write(RoutingContext rc, Request access) {
        boolean quiet = access.operationId == null && rc.normalizedPath().startsWith("/q/");
        Logger.Level level = quiet ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (!LOG.isEnabled(level)) {
            return;
        }
        long durationMs = (System.nanoTime() - access.start) / 1_000_000;
        int status = rc.response().getStatusCode();
        String method = rc.request().method().name();
        String route = access.route == null ? "-" : access.route;
        Object previousId = MDC.get(REQUEST_ID);
        Object previousOperation = MDC.get(OPERATION_ID);
        try {
            MDC.put(REQUEST_ID, access.id);
            if (access.operationId != null) {
                MDC.put(OPERATION_ID, access.operationId);
            }
            MDC.put("method", method);
            MDC.put("route", route);
            MDC.put("status", Integer.toString(status));
            MDC.put("durationMs", Long.toString(durationMs));
            String outcome = rc.response().ended() ? "" : " (connection closed before the answer was complete)";
            // Concatenated, not printf: this line is written for every request.
            LOG.log(level, (access.operationId == null ? "-" : access.operationId) + " " + method + " " + route + " "
                    + status + " " + durationMs + " ms" + outcome);
        } finally {
            for (String field : LINE_FIELDS) {
                MDC.remove(field);
            }
            restore(REQUEST_ID, previousId);
            restore(OPERATION_ID, previousOperation);
        }
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    /** The path template of a resource method: its class's and its own {@code @Path}, found on the interfaces. */
    static String template(Class<?> type, Method method) {
        String base = classPath(type);
        String own = methodPath(type, method);
        String joined = "/" + strip(base) + (own.isEmpty() || strip(own).isEmpty() ? "" : "/" + strip(own));
        String template = joined.replaceAll("/+", "/").replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static String classPath(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
            for (Class<?> api : c.getInterfaces()) {
                Path apiPath = api.getAnnotation(Path.class);
                if (apiPath != null) {
                    return apiPath.value();
                }
            }
        }
        return "";
    }

    private static String methodPath(Class<?> type, Method method) {
        Path own = method.getAnnotation(Path.class);
        if (own == null) {
            own = ApiMethods.declaration(type, method).getAnnotation(Path.class);
        }
        return own == null ? "" : own.value();
    }
}
