package org.ubcs.web;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.text.TextHygiene;

/**
 * Query parameters are single lines of text the service can store and compare, as body text is (TextHygiene), and
 * never empty: {@code ?kind=} is not "any kind" but a value nobody can be sure of, so it is refused rather than read
 * as no filter (leave the parameter out for that). Percent-encoded bytes that are not UTF-8 are refused too: the
 * decoder would quietly read them as U+FFFD, a value the caller never sent. And a parameter the operation does not
 * have is refused: {@code ?custmerId=} ignored would list every customer's records instead of one's.
 */
public class ParameterHygiene {

    /** The query parameters each resource method declares (on the generated interface it implements). */
    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnstorableText(UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        refuseMalformedUtf8(uri.getRequestUri().getRawQuery());
        Set<String> declared = DECLARED.computeIfAbsent(resource.getResourceMethod(),
                method -> declaredQueryParameters(resource.getResourceClass(), method));
        for (String name : uri.getQueryParameters().keySet()) {
            if (!declared.contains(name)) {
                throw ProblemException.invalid(List.of(FieldError.parameter(name,
                        "is not a parameter of this operation" + (declared.isEmpty() ? ""
                                : "; it takes " + String.join(", ", new TreeSet<>(declared))))));
            }
        }
        // An empty key would be read as no key: the create would run again on a retry the client thinks is safe.
        List<String> keys = headers.getRequestHeader("Idempotency-Key");
        if (keys != null && keys.stream().anyMatch(String::isBlank)) {
            throw ProblemException.invalid(List.of(FieldError.parameter("Idempotency-Key",
                    "must not be empty; leave the header out instead")));
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = value.isEmpty() ? "must not be empty; leave the parameter out instead"
                        : TextHygiene.problem(value, false);
                if (problem != null) {
                    throw ProblemException.invalid(List.of(FieldError.parameter(parameter.getKey(), problem)));
                }
            }
        }
    }

    private static Set<String> declaredQueryParameters(Class<?> type, Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : ApiMethods.declaration(type, method).getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return Set.copyOf(names);
    }

    private static void refuseMalformedUtf8(String rawQuery) {
        if (rawQuery == null) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!isUtf8(pair)) {
                throw ProblemException.invalid(List.of(FieldError.parameter(
                        isUtf8(name) ? percentDecoded(name) : "(unreadable)", "must be percent-encoded UTF-8")));
            }
        }
    }

    private static boolean isUtf8(String raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes(raw)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String percentDecoded(String raw) {
        return new String(bytes(raw), StandardCharsets.UTF_8);
    }

    /** The bytes a query part stands for: %XX as that byte, '+' as a space, anything else as its UTF-8. */
    private static byte[] bytes(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 3;
            } else {
                out.writeBytes(Character.toString(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
