package org.ubcs.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A custom resource's {@code openAPIV3Schema}, from its CustomResourceDefinition, as a strict validator: what the API
 * server enforces when the CRD is installed, with unknown fields refused rather than silently pruned.
 * <p>
 * A structural schema has no {@code additionalProperties: false}: the API server drops (prunes) fields it does not
 * know, or refuses them under kubectl's strict field validation. So here every object is closed unless it says
 * {@code x-kubernetes-preserve-unknown-fields: true} or gives {@code additionalProperties} (a map). {@code metadata}
 * at the root is left to the caller (it is an ObjectMeta, checked with the core model). Checked: type, required,
 * properties, additionalProperties, items, enum, pattern, minimum/maximum, minLength/maxLength, minItems/maxItems,
 * anyOf, int-or-string, nullable. Not evaluated: CEL rules ({@code x-kubernetes-validations}) and formats. A keyword
 * this class does not know fails loudly, so a CRD upgrade cannot quietly switch a check off.
 */
final class CrdSchema {

    private static final Set<String> UNDERSTOOD = Set.of("type", "properties", "required", "additionalProperties",
            "items", "enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
            "anyOf", "nullable", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields");
    private static final Set<String> NOT_CHECKED = Set.of("description", "default", "format", "example",
            "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type", "x-kubernetes-embedded-resource");

    private final String apiVersion;
    private final String kind;
    private final JsonNode schema;

    private CrdSchema(String apiVersion, String kind, JsonNode schema) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.schema = schema;
    }

    /** Every served version of the CRD in {@code file}, keyed by {@code apiVersion + "/" + kind}. */
    static Map<String, CrdSchema> load(Path file) {
        try {
            JsonNode crd = new YAMLMapper().readTree(Files.readString(file));
            String group = crd.path("spec").path("group").asText();
            String kind = crd.path("spec").path("names").path("kind").asText();
            Map<String, CrdSchema> schemas = new java.util.TreeMap<>();
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (version.path("served").asBoolean(true)) {
                    String apiVersion = group + "/" + version.path("name").asText();
                    JsonNode schema = version.path("schema").path("openAPIV3Schema");
                    if (schema.isMissingNode()) {
                        throw new IllegalStateException(file + ": " + apiVersion + " has no openAPIV3Schema");
                    }
                    schemas.put(apiVersion + "/" + kind, new CrdSchema(apiVersion, kind, schema));
                }
            }
            if (schemas.isEmpty()) {
                throw new IllegalStateException(file + " is not a CustomResourceDefinition with a served version");
            }
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiVersion() {
        return apiVersion;
    }

    String kind() {
        return kind;
    }

    /** The faults of {@code object} (a whole custom resource), each with its path; empty when it is valid. */
    List<String> validate(JsonNode object) {
        List<String> faults = new ArrayList<>();
        check(schema, object, "", faults, true);
        return faults;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> faults, boolean root) {
        for (Iterator<String> keywords = schema.fieldNames(); keywords.hasNext();) {
            String keyword = keywords.next();
            if (!UNDERSTOOD.contains(keyword) && !NOT_CHECKED.contains(keyword)) {
                throw new IllegalStateException("schema keyword '" + keyword + "' at " + at(path)
                        + " is not understood by this validator: teach it, or the check would be skipped");
            }
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                faults.add(at(path) + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                faults.add(at(path) + ": must be an integer or a string, not " + value.getNodeType());
            }
            return; // its anyOf says the same
        }
        if (schema.has("anyOf")) {
            boolean matched = false;
            for (JsonNode alternative : schema.get("anyOf")) {
                List<String> ignored = new ArrayList<>();
                check(alternative, value, path, ignored, false);
                matched |= ignored.isEmpty();
            }
            if (!matched) {
                faults.add(at(path) + ": matches none of anyOf");
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(schema, value, path, faults, root);
            case "array" -> {
                if (!value.isArray()) {
                    faults.add(at(path) + ": must be an array, not " + value.getNodeType());
                    return;
                }
                bound(schema, "minItems", value.size(), true, path, faults);
                bound(schema, "maxItems", value.size(), false, path, faults);
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), path + "/" + i, faults, false);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    faults.add(at(path) + ": must be a string, not " + value.getNodeType());
                    return;
                }
                bound(schema, "minLength", value.asText().length(), true, path, faults);
                bound(schema, "maxLength", value.asText().length(), false, path, faults);
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText())
                        .find()) {
                    faults.add(at(path) + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
                }
            }
            case "integer", "number" -> {
                if (type.equals("integer") ? !value.isIntegralNumber() : !value.isNumber()) {
                    faults.add(at(path) + ": must be " + (type.equals("integer") ? "an integer" : "a number")
                            + ", not " + value.getNodeType() + " " + value);
                    return;
                }
                bound(schema, "minimum", value.asDouble(), true, path, faults);
                bound(schema, "maximum", value.asDouble(), false, path, faults);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    faults.add(at(path) + ": must be a boolean, not " + value.getNodeType() + " " + value);
                }
            }
            case "" -> {
                // No type: constrained only by anyOf or preserve-unknown-fields, checked above.
            }
            default -> throw new IllegalStateException("unknown schema type '" + type + "' at " + at(path));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                faults.add(at(path) + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> faults, boolean root) {
        if (!value.isObject()) {
            faults.add(at(path) + ": must be an object, not " + value.getNodeType());
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                faults.add(at(path) + ": the required field '" + required.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                || (additional.isBoolean() && additional.asBoolean());
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "/" + field.getKey();
            if (root && field.getKey().equals("metadata")) {
                continue; // an ObjectMeta: the caller checks it against the core model
            }
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), fieldPath, faults, false);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), fieldPath, faults, false);
            } else if (!open) {
                faults.add(at(fieldPath) + ": unknown field (the schema does not declare it)");
            }
        }
    }

    private static void bound(JsonNode schema, String keyword, double actual, boolean lower, String path,
            List<String> faults) {
        if (schema.has(keyword)) {
            double limit = schema.get(keyword).asDouble();
            if (lower ? actual < limit : actual > limit) {
                faults.add(at(path) + ": " + keyword + " is " + schema.get(keyword) + ", the value gives "
                        + (actual == Math.rint(actual) ? String.valueOf((long) actual) : String.valueOf(actual)));
            }
        }
    }

    private static String at(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
