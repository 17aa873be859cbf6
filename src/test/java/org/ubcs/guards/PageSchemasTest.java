package org.ubcs.guards;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.ubcs.api.page.PageBody;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every paged list answers the same way, so a typed client (openapi-fetch) can page any of them without parsing a
 * URL: each schema with a {@code next} link also has {@code nextCursor}, both from the one shared definition, and its
 * generated model is a {@link PageBody}, which {@code org.ubcs.web.Links#page} fills. Every list taking a
 * {@code cursor} answers such a page. Read from the contract, so a new list cannot be added without them.
 */
class PageSchemasTest {

    private static final String NEXT_LINK = "#/components/schemas/NextLink";
    private static final String NEXT_CURSOR = "#/components/schemas/NextCursor";
    private static final String PAGE_BODY = PageBody.class.getName();
    private static final JsonNode SHARED_CURSOR = Contract.document().path("components").path("parameters")
            .path("Cursor");

    @Test
    void everySchemaWithANextLinkAlsoGivesTheNextCursor() {
        Set<String> pages = pageSchemas();
        assertTrue(pages.size() >= 14, "expected the contract's page schemas, found " + pages);
        List<String> problems = new ArrayList<>();
        Contract.document().path("components").path("schemas").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode properties = entry.getValue().path("properties");
            if (!properties.has("next") && !properties.has("nextCursor")) {
                return;
            }
            if (!NEXT_LINK.equals(properties.path("next").path("$ref").asText())) {
                problems.add(name + ": `next` is not {$ref: '" + NEXT_LINK + "'}");
            }
            if (!NEXT_CURSOR.equals(properties.path("nextCursor").path("$ref").asText())) {
                problems.add(name + ": `nextCursor` is not {$ref: '" + NEXT_CURSOR + "'}");
            }
            if (requiredNames(entry.getValue()).stream().anyMatch(r -> r.equals("next") || r.equals("nextCursor"))) {
                problems.add(name + ": `next` and `nextCursor` are absent on the last page, so never required");
            }
            if (!StreamSupport.stream(entry.getValue().path("x-implements").spliterator(), false)
                    .anyMatch(i -> PAGE_BODY.equals(i.asText()))) {
                problems.add(name + ": lacks x-implements: [" + PAGE_BODY + "], so Links.page cannot fill it");
            }
            try {
                if (!PageBody.class.isAssignableFrom(Class.forName("org.ubcs.api.model." + name))) {
                    problems.add(name + ": the generated model is not a PageBody");
                }
            } catch (ClassNotFoundException e) {
                problems.add(name + ": no generated model org.ubcs.api.model." + name);
            }
        });
        assertTrue(problems.isEmpty(), () -> "page schemas:\n  " + String.join("\n  ", problems));
    }

    @Test
    void theCursorParameterTakesWhatNextCursorGives() {
        JsonNode parameter = Contract.document().path("components").path("parameters").path("Cursor");
        assertTrue(NEXT_CURSOR.equals(parameter.path("schema").path("$ref").asText()),
                "the shared `cursor` parameter must be typed by " + NEXT_CURSOR + ", the type of `nextCursor`");
    }

    @Test
    void everyListTakingACursorAnswersAPageAndTakesALimit() {
        Set<String> pages = pageSchemas();
        List<String> problems = new ArrayList<>();
        for (Contract.Operation operation : Contract.operations()) {
            boolean cursor = operation.parameters().stream().anyMatch(p -> isQuery(p, "cursor"));
            String ref = Contract.resolve(operation.node().path("responses").path("200")).path("content")
                    .path("application/json").path("schema").path("$ref").asText();
            // The reverse need not hold: a short list may answer a page schema whole (restriction versions).
            if (cursor && pages.stream().noneMatch(p -> ref.equals("#/components/schemas/" + p))) {
                problems.add(operation + ": takes `cursor` but does not answer a page schema");
            }
            if (cursor && operation.parameters().stream().noneMatch(p -> isQuery(p, "limit"))) {
                problems.add(operation + ": takes `cursor` but no `limit`");
            }
            if (cursor && !operation.parameters().contains(SHARED_CURSOR)) {
                problems.add(operation + ": declares its own `cursor` instead of #/components/parameters/Cursor");
            }
        }
        assertTrue(problems.isEmpty(), () -> "paged lists:\n  " + String.join("\n  ", problems));
    }

    private static boolean isQuery(JsonNode parameter, String name) {
        return "query".equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText());
    }

    private static Set<String> pageSchemas() {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) () -> Contract.document()
                .path("components").path("schemas").fields()) {
            if (entry.getValue().path("properties").has("next")) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    private static List<String> requiredNames(JsonNode schema) {
        return StreamSupport.stream(schema.path("required").spliterator(), false).map(JsonNode::asText).toList();
    }
}
