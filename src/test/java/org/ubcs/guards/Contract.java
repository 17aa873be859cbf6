package org.ubcs.guards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.ubcs.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The authored contract, openapi/openapi.yaml, read as a JSON tree; the guards are driven from it. */
final class Contract {

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    /** The roles a token's groups claim may carry (org.ubcs.security.Roles). */
    static final List<String> ROLES = List.of("COMPLAINTS_OFFICER", "DECISION_MAKER", "APPEAL_REVIEWER",
            "POLICY_OWNER", "CONTACT_CENTRE", "LEGAL", "AUDITOR", "FIELD_OFFICER");

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private static JsonNode document;

    private Contract() {
    }

    /** The file as YAML read into a JSON tree (Jackson's YAML reader keeps unquoted dates and times as strings). */
    static synchronized JsonNode document() {
        if (document == null) {
            try {
                document = new YAMLMapper().readTree(Path.of(Api.CONTRACT).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                entry -> {
                    if (HTTP_METHODS.contains(entry.getKey())) {
                        operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                                path.getValue(), entry.getValue()));
                    }
                }));
        return operations;
    }

    /** Follows a local {@code $ref} (one level at a time, until the node is not a reference). */
    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local references are supported: " + ref);
            }
            current = document().at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("Dangling reference " + ref);
            }
        }
        return current;
    }

    /**
     * A path template with its variables' names and patterns dropped, so that {@code /cases/{caseId}} and
     * {@code /cases/{id: [0-9a-f-]+}} compare equal (both answer the same requests). Trailing slashes are dropped.
     */
    static String normaliseTemplate(String template) {
        String path = ("/" + template).replaceAll("/+", "/");
        path = TEMPLATE_VARIABLE.matcher(path).replaceAll("{}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** One operation of the contract. */
    record Operation(String method, String path, JsonNode pathItem, JsonNode node) {

        String operationId() {
            return node.path("operationId").asText(method + " " + path);
        }

        String key() {
            return method + " " + normaliseTemplate(path);
        }

        /** {@code x-allowed-roles}, empty if absent. */
        List<String> allowedRoles() {
            return StreamSupport.stream(node.path("x-allowed-roles").spliterator(), false).map(JsonNode::asText)
                    .toList();
        }

        /** Path-level and operation-level parameters, references resolved. */
        List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(p -> parameters.add(resolve(p)));
            node.path("parameters").forEach(p -> parameters.add(resolve(p)));
            return parameters;
        }

        boolean hasHeader(String name) {
            return parameters().stream().anyMatch(p -> "header".equals(p.path("in").asText())
                    && name.equalsIgnoreCase(p.path("name").asText()));
        }

        /** The path with every variable replaced: a random UUID for a {@code format: uuid} parameter. */
        String concretePath() {
            Matcher matcher = TEMPLATE_VARIABLE.matcher(path);
            StringBuilder concrete = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1).trim();
                JsonNode schema = parameters().stream()
                        .filter(p -> "path".equals(p.path("in").asText()) && name.equals(p.path("name").asText()))
                        .findFirst().map(p -> resolve(p.path("schema")))
                        .orElseThrow(() -> new IllegalStateException(operationId() + ": path parameter " + name
                                + " is not declared"));
                matcher.appendReplacement(concrete, Matcher.quoteReplacement(sampleValue(schema)));
            }
            matcher.appendTail(concrete);
            return concrete.toString();
        }

        /** The required query parameters, each with a value its schema accepts. */
        Map<String, String> requiredQuery() {
            Map<String, String> query = new java.util.LinkedHashMap<>();
            parameters().stream().filter(p -> "query".equals(p.path("in").asText()) && p.path("required").asBoolean())
                    .forEach(p -> query.put(p.path("name").asText(), sampleValue(resolve(p.path("schema")))));
            return query;
        }

        /** A value of the schema's type: a random UUID, a working day in the supported years, the minimum number. */
        private static String sampleValue(JsonNode schema) {
            if (schema.path("enum").isArray()) {
                return schema.path("enum").get(0).asText();
            }
            if ("uuid".equals(schema.path("format").asText())) {
                return UUID.randomUUID().toString();
            }
            if ("date".equals(schema.path("format").asText())) {
                return "2026-12-22";
            }
            if ("integer".equals(schema.path("type").asText())) {
                return schema.has("minimum") ? schema.get("minimum").asText() : "1";
            }
            return "x";
        }

        /** Whether the operation requires a body. */
        boolean requiresBody() {
            JsonNode body = resolve(node.path("requestBody"));
            return body != null && body.path("required").asBoolean(false);
        }

        /**
         * A syntactically valid body: the contract's own example for {@code application/json} (its {@code example},
         * else its first {@code examples} entry).
         */
        Optional<String> exampleBody() {
            JsonNode media = resolve(node.path("requestBody")).path("content").path("application/json");
            if (media.has("example")) {
                return Optional.of(media.get("example").toString());
            }
            Iterator<Map.Entry<String, JsonNode>> examples = media.path("examples").fields();
            if (examples.hasNext()) {
                JsonNode value = resolve(examples.next().getValue()).path("value");
                if (!value.isMissingNode()) {
                    return Optional.of(value.toString());
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return operationId() + " (" + method + " " + path + ")";
        }
    }
}
