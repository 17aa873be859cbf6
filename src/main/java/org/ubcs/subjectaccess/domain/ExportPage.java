package org.ubcs.subjectaccess.domain;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * A subject access export as the page templates see it: the document's facts and its sections, each a flat list of
 * rows (a nested value is shown by its depth), with the values marked for redaction flagged.
 *
 * @param language the language code of the first version, lower case, for the document's {@code lang}
 * @param languages the language versions, in the order they appear: each is rendered by its own template
 */
@TemplateData
public record ExportPage(String language, String customerName, String councilName, String exportedAt,
        String reason, int redactionCount, List<Section> sections, List<Version> languages) {

    /** One part of the document: the customer, the cases, the restrictions, ... */
    @TemplateData
    public record Section(String key, boolean empty, List<Row> rows) {
    }

    /**
     * One value, or the heading of a nested object or list item.
     *
     * @param redact why the value is marked for redaction, or null
     */
    @TemplateData
    public record Row(int depth, String label, String value, boolean heading, String redact) {
    }

    /** One language version, rendered by its own template (HTML, already escaped). */
    @TemplateData
    public record Version(String language, String body) {
    }
}
