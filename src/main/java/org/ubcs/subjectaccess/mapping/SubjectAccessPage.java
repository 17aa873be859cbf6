package org.ubcs.subjectaccess.mapping;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ubcs.api.model.LetterLanguage;
import org.ubcs.api.model.SubjectAccessExport;
import org.ubcs.api.model.SubjectAccessRedaction;
import org.ubcs.letter.service.LetterRenderer;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.subjectaccess.domain.ExportPage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;

/**
 * Renders an export as an HTML page to print or save as PDF, from the Qute templates under
 * {@code templates/subject-access/}: each of the profile's letter languages by its own template (Welsh first), inside
 * one layout. Every value of the document is shown, nested by depth; values marked for redaction are highlighted.
 * Field labels come from the document's property names (in English in every language version).
 */
@ApplicationScoped
public class SubjectAccessPage {

    private static final String ROOT = "subject-access/";
    private static final List<String> SECTIONS = List.of("customer", "cases", "restrictions", "letters", "contacts",
            "readAndFileItems", "registerEntries", "otherAppeals");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Engine engine;

    @Inject
    ActivePolicy policy;

    void checkTemplates(@Observes StartupEvent started) {
        template(ROOT + "layout.html");
        for (LetterLanguage language : LetterLanguage.values()) {
            template(ROOT + code(language) + "/export.html");
        }
    }

    public String render(SubjectAccessExport export, JsonNode tree) {
        Map<String, String> redacted = export.getRedactions().stream().collect(Collectors.toMap(
                SubjectAccessRedaction::getPointer, r -> r.getReason().name(), (a, b) -> a));
        List<ExportPage.Section> sections = new ArrayList<>();
        for (String key : SECTIONS) {
            JsonNode node = tree.path(key);
            List<ExportPage.Row> rows = new ArrayList<>();
            String pointer = "/" + key;
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    rows(node.get(i), pointer + "/" + i, 0, String.valueOf(i + 1), redacted, rows);
                }
            } else {
                fields(node, pointer, 0, redacted, rows);
            }
            sections.add(new ExportPage.Section(key, rows.isEmpty(), rows));
        }
        List<LetterLanguage> languages = LetterRenderer.order(policy.profile().letterLanguages());
        String exportedAt = WHEN.format(export.getExportedAt().atZoneSameInstant(ZoneId.of("Europe/London")));
        String name = export.getCustomer().getFullName();
        int redactions = export.getRedactions().size();
        List<ExportPage.Version> versions = new ArrayList<>();
        for (LetterLanguage language : languages) {
            // Each version names the council in its own language, as the letters do.
            ExportPage page = new ExportPage(code(language), name, policy.profile().councilName(language),
                    exportedAt, export.getReason(), redactions, sections, List.of());
            versions.add(new ExportPage.Version(code(language),
                    template(ROOT + code(language) + "/export.html").data("page", page).render()));
        }
        LetterLanguage first = languages.get(0);
        ExportPage whole = new ExportPage(code(first), name, policy.profile().councilName(first), exportedAt,
                export.getReason(), redactions, sections, versions);
        return template(ROOT + "layout.html").data("page", whole).render();
    }

    private static void rows(JsonNode node, String pointer, int depth, String label, Map<String, String> redacted,
            List<ExportPage.Row> rows) {
        if (node.isObject()) {
            rows.add(new ExportPage.Row(depth, label, null, true, redaction(pointer, redacted)));
            fields(node, pointer, depth + 1, redacted, rows);
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                return;
            }
            if (node.get(0).isValueNode()) {
                List<String> values = new ArrayList<>();
                node.forEach(v -> values.add(v.asText()));
                rows.add(new ExportPage.Row(depth, label, String.join(", ", values), false,
                        redaction(pointer, redacted)));
                return;
            }
            rows.add(new ExportPage.Row(depth, label, null, true, null));
            for (int i = 0; i < node.size(); i++) {
                rows(node.get(i), pointer + "/" + i, depth + 1, String.valueOf(i + 1), redacted, rows);
            }
        } else {
            rows.add(new ExportPage.Row(depth, label, node.asText(), false, redaction(pointer, redacted)));
        }
    }

    private static void fields(JsonNode node, String pointer, int depth, Map<String, String> redacted,
            List<ExportPage.Row> rows) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = pointer + "/" + Redactions.escape(field.getKey());
            // A letter is shown once, as its plain text; its HTML version says the same.
            if (field.getKey().equals("html") && pointer.matches("/letters/\\d+")) {
                continue;
            }
            rows(field.getValue(), child, depth, label(field.getKey()), redacted, rows);
        }
    }

    /** Why this value (or the object it is part of) is marked, or null. */
    private static String redaction(String pointer, Map<String, String> redacted) {
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            String reason = redacted.get(p);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** {@code recordedBy} → {@code Recorded by}. */
    static String label(String key) {
        String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String code(LetterLanguage language) {
        return language.name().toLowerCase(Locale.ROOT);
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No subject access template " + id);
        }
        return template;
    }
}
