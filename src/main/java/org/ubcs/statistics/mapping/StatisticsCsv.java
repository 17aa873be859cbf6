package org.ubcs.statistics.mapping;

import java.util.Iterator;
import java.util.Map;

import org.ubcs.api.model.Statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The same figures as CSV (RFC 4180, CRLF line ends), written from the JSON model itself so the two never differ:
 * a header {@code section,figure,breakdown,value}; rows for the period (from, to, department, suppressBelow); then one
 * row per figure, its {@code value} the JSON {@code display} ({@code 12}, {@code <5}, {@code none}). A figure with a
 * breakdown has a row {@code ALL} for its total and one per classification, type, outcome, risk level or verdict.
 */
public final class StatisticsCsv {

    private static final String CRLF = "\r\n";

    private StatisticsCsv() {
    }

    public static String write(Statistics statistics, ObjectMapper json) {
        StringBuilder csv = new StringBuilder("section,figure,breakdown,value").append(CRLF);
        row(csv, "period", "from", "", statistics.getFrom().toString());
        row(csv, "period", "to", "", statistics.getTo().toString());
        row(csv, "period", "department", "", statistics.getDepartment() == null ? "" : statistics.getDepartment());
        row(csv, "period", "suppressBelow", "", statistics.getSuppressBelow().toString());
        JsonNode tree = json.valueToTree(statistics);
        for (Iterator<Map.Entry<String, JsonNode>> sections = tree.fields(); sections.hasNext();) {
            Map.Entry<String, JsonNode> section = sections.next();
            if (section.getValue().isObject()) {
                figures(csv, section.getKey(), null, section.getValue());
            }
        }
        return csv.toString();
    }

    /** The figures under {@code node}: a count or a number of days, a total with its breakdown, or a group. */
    private static void figures(StringBuilder csv, String section, String figure, JsonNode node) {
        if (node.has("display")) {
            row(csv, section, figure, "", node.get("display").asText());
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("total")) {
                row(csv, section, figure == null ? "count" : figure, "ALL", value.get("display").asText());
            } else if (value.isArray()) {
                String name = figure == null ? (node.has("total") ? "count" : field.getKey()) : figure;
                for (JsonNode item : value) {
                    row(csv, section, name, key(item), item.get("count").get("display").asText());
                }
            } else {
                figures(csv, section, figure == null ? field.getKey() : figure + "." + field.getKey(), value);
            }
        }
    }

    /** A breakdown item's key: its one field besides the count. */
    private static String key(JsonNode item) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("count")) {
                return field.getValue().asText();
            }
        }
        return "";
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            csv.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        csv.append(CRLF);
    }

    /**
     * A cell, quoted when it holds a comma, quote or line end; text a spreadsheet would run as a formula (starting
     * with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, as OWASP advises.
     */
    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
