package org.ubcs.guards;

import static io.restassured.RestAssured.given;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.ubcs.guards.Contract.Operation;
import org.ubcs.guards.JaxRsRoutes.Route;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract and the service cannot drift apart: what /q/openapi serves is the authored file, every operation of
 * the file has a route, and the service has no route the file does not document.
 */
@QuarkusTest
class ContractTest {

    private static final String GENERATED_API_PACKAGE = "org.ubcs.api";

    @Test
    void servedDocumentIsTheAuthoredFile() throws Exception {
        String served = given().queryParam("format", "json").accept("application/json")
                .when().get("/q/openapi")
                .then().statusCode(200).contentType(containsString("application/json"))
                .extract().asString();
        JsonNode servedTree = Contract.JSON.readTree(served);
        JsonNode file = Contract.document();

        // Guard against a vacuous comparison (e.g. both empty): the file has its operations and they are served.
        assertFalse(Contract.operations().isEmpty(), "the contract has no operations");
        assertEquals("3.0.3", servedTree.path("openapi").asText(), "served OpenAPI version");

        // No normalisation is needed: SmallRye re-serialises the YAML, but the JSON it serves is the same tree as the
        // file read by Jackson's YAML reader (nothing added, dropped or retyped). Compared exactly on purpose.
        List<String> differences = JsonDiff.differences(file, servedTree);
        assertTrue(differences.isEmpty(), () -> "/q/openapi differs from openapi/openapi.yaml at "
                + differences.size() + " place(s):\n  " + String.join("\n  ", differences));
        assertEquals(file, servedTree, "served document, as a JSON tree");
    }

    @Test
    void everyOperationIsImplementedAndNoRouteExistsOutsideTheContract() {
        JavaClasses classes = JaxRsRoutes.importService();
        List<Route> routes = JaxRsRoutes.routes(classes);
        assertFalse(routes.isEmpty(), "no JAX-RS route found: the class scan found nothing to compare");

        Map<String, List<Route>> routesByKey = routes.stream()
                .collect(groupingBy(Route::key, TreeMap::new, toList()));
        Map<String, Operation> operationsByKey = Contract.operations().stream()
                .collect(toMap(Operation::key, o -> o, (a, b) -> {
                    throw new IllegalStateException("two operations with one route: " + a + ", " + b);
                }, TreeMap::new));

        Set<String> unimplemented = new TreeSet<>(operationsByKey.keySet());
        unimplemented.removeAll(routesByKey.keySet());
        Set<String> undocumented = new TreeSet<>(routesByKey.keySet());
        undocumented.removeAll(operationsByKey.keySet());
        Map<String, List<Route>> ambiguous = new TreeMap<>(routesByKey);
        ambiguous.values().removeIf(list -> list.size() == 1);
        List<Route> locators = routes.stream().filter(r -> r.method().equals("LOCATOR")).toList();

        assertAll(
                () -> assertTrue(unimplemented.isEmpty(), () -> "operations of the contract with no route: "
                        + unimplemented.stream().map(operationsByKey::get).map(String::valueOf)
                                .collect(joining(", "))),
                () -> assertTrue(undocumented.isEmpty(), () -> "routes the contract does not document: "
                        + undocumented.stream().flatMap(k -> routesByKey.get(k).stream()).map(String::valueOf)
                                .collect(joining(", "))),
                () -> assertTrue(ambiguous.isEmpty(), () -> "routes served by more than one method: " + ambiguous),
                () -> assertTrue(locators.isEmpty(),
                        () -> "sub-resource locators hide routes from this guard: " + locators),
                () -> assertEquals(operationsByKey.size(), routes.size(),
                        "one route per operation of the contract"));
    }

    @Test
    void everyGeneratedInterfaceHasExactlyOneImplementation() {
        JavaClasses classes = JaxRsRoutes.importService();
        List<JavaClass> generated = classes.stream()
                .filter(c -> c.getPackageName().equals(GENERATED_API_PACKAGE) && c.isInterface()).toList();

        // The generator makes one interface per tag (useTags): the tags that have operations.
        Set<String> tagsWithOperations = Contract.operations().stream()
                .map(o -> o.node().path("tags").path(0).asText())
                .collect(toCollection(TreeSet::new));
        assertEquals(tagsWithOperations.size(), generated.size(),
                () -> "one generated interface per tag " + tagsWithOperations + ", found " + generated);

        Map<String, List<String>> implementations = new TreeMap<>();
        for (JavaClass api : generated) {
            implementations.put(api.getSimpleName(), classes.stream()
                    .filter(JaxRsRoutes::isConcrete)
                    .filter(c -> c.getAllRawInterfaces().contains(api))
                    .map(JavaClass::getName).sorted().toList());
        }
        Map<String, List<String>> wrong = new TreeMap<>(implementations);
        wrong.values().removeIf(list -> list.size() == 1);
        assertTrue(wrong.isEmpty(), () -> "generated interfaces must have exactly one implementing class "
                + "(an unimplemented one builds and then answers 404): " + wrong);
    }

    /**
     * A union's variants tell themselves apart without its discriminator (the response validator ignores a nested
     * one): every variant requires the discriminator property and pins it to its own mapping value, a one-value
     * string enum, and every member of the union is mapped.
     */
    @Test
    void everyUnionVariantPinsItsDiscriminatorToItsOneValue() {
        Map<String, String> wrong = new TreeMap<>();
        Set<String> unions = new TreeSet<>();
        Contract.document().path("components").path("schemas").fields().forEachRemaining(entry -> {
            JsonNode union = entry.getValue();
            if (!union.has("discriminator")) {
                return;
            }
            unions.add(entry.getKey());
            String property = union.path("discriminator").path("propertyName").asText();
            Set<String> mapped = new TreeSet<>();
            union.path("discriminator").path("mapping").fields().forEachRemaining(mapping -> {
                String ref = mapping.getValue().asText();
                mapped.add(ref);
                JsonNode variant = Contract.resolve(Contract.JSON.createObjectNode().put("$ref", ref));
                JsonNode pin = variant.path("properties").path(property);
                boolean required = StreamSupport.stream(variant.path("required").spliterator(), false)
                        .anyMatch(name -> name.asText().equals(property));
                if (!required || !pin.path("type").asText().equals("string") || pin.path("enum").size() != 1
                        || !pin.path("enum").path(0).asText().equals(mapping.getKey())) {
                    wrong.put(entry.getKey() + " " + mapping.getKey(), ref + " pins " + property + " as " + pin);
                }
            });
            union.path("oneOf").forEach(member -> {
                if (!mapped.contains(member.path("$ref").asText())) {
                    wrong.put(entry.getKey() + " " + member, "a member the discriminator does not map");
                }
            });
        });
        assertFalse(unions.isEmpty(), "no discriminated union found: the scan found nothing to check");
        assertTrue(wrong.isEmpty(), () -> "every variant of " + unions + " must require its discriminator and pin it "
                + "with a one-value string enum of its mapping value: " + wrong);
    }
}
