package org.ubcs.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the service's Prometheus metrics ({@code /q/metrics}) as a scraper would: one series by its exact name and
 * labels. Tests take a reading, do the real thing through the API, read again and compare: other tests share the JVM,
 * so only a difference means anything.
 */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {
    }

    /** The whole text exposition. */
    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the series with exactly this name and these labels ({@code "verdict", "ALLOW"}, ...); fails when
     * there is no such series.
     */
    public static double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        String text = scrape();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find() && sample.group(1).equals(name)
                    && labelsOf(sample.group(3)).equals(wanted)) {
                return Double.parseDouble(sample.group(4));
            }
        }
        throw new AssertionError("No series " + name + wanted + " in /q/metrics");
    }

    private static Map<String, String> labelsOf(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
