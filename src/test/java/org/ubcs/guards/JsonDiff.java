package org.ubcs.guards;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Where two JSON trees differ, as JSON pointers, so a failing equality says what to look at. */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    private static void walk(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        String at = pointer.isEmpty() ? "/" : pointer;
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add(child + ": missing from the served document (file has " + brief(expected.get(name)) + ")");
                } else if (!expected.has(name)) {
                    out.add(child + ": added by the server (" + brief(actual.get(name)) + ")");
                } else {
                    walk(child, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(at + ": " + expected.size() + " items in the file, " + actual.size() + " served");
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                walk(pointer + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": file has " + brief(expected) + " (" + expected.getNodeType() + "), served "
                    + brief(actual) + " (" + actual.getNodeType() + ")");
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
