package org.ubcs.letter.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.ubcs.api.model.LetterKind;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.letter.domain.LetterPage;
import org.ubcs.letter.domain.LetterView;
import org.ubcs.letter.domain.RestrictionWording;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.runtime.StartupEvent;

/**
 * Renders letters from the Qute templates under {@code src/main/resources/templates/letters/} (see the README
 * there): per language, the kind's own template inside that language's frame, once as HTML and once as plain text;
 * then the language versions together in the layout, Welsh first.
 */
@ApplicationScoped
public class LetterRenderer {

    /** A letter's subject line, HTML document and plain text. */
    public record Rendered(String subject, String html, String text) {
    }

    private static final String ROOT = "letters/";
    private static final List<String> FORMATS = List.of("html", "txt");

    @Inject
    Engine engine;

    /**
     * Every template a letter may need exists, so a missing or misnamed one stops the service at start-up instead of
     * failing the step that issues the letter. Loading them here also keeps template files off the request path.
     */
    void checkTemplates(@Observes StartupEvent started) {
        List<String> missing = new ArrayList<>();
        for (String format : FORMATS) {
            require(ROOT + "layout." + format, missing);
        }
        for (LetterLanguage language : LetterLanguage.values()) {
            require(ROOT + code(language) + "/subjects.txt", missing);
            require(restrictionId(language), missing);
            for (String format : FORMATS) {
                for (LetterKind kind : LetterKind.values()) {
                    require(bodyId(kind, language, format), missing);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Letter templates missing: " + missing);
        }
    }

    /** The languages of a letter in the order it gives them: Welsh first (Welsh Language Standards), then English. */
    public static List<LetterLanguage> order(List<LetterLanguage> languages) {
        List<LetterLanguage> ordered = languages.stream().distinct()
                .sorted(Comparator.comparing((LetterLanguage l) -> l != LetterLanguage.CY)).toList();
        return ordered.isEmpty() ? List.of(LetterLanguage.EN) : ordered;
    }

    /** The subject line in one language. */
    public String subject(LetterKind kind, LetterLanguage language) {
        return template(ROOT + code(language) + "/subjects.txt").data("kind", kind).render().strip();
    }

    /**
     * One restriction in plain words in one language, from the part {@code letters/<language>/parts/restriction.txt}:
     * one paragraph, its line breaks and runs of spaces made single spaces. The letters print it as text, so the HTML
     * version escapes it like any other value.
     */
    public String describe(RestrictionWording restriction, LetterLanguage language) {
        return template(restrictionId(language)).data("r", restriction).render().replaceAll("\\s+", " ").strip();
    }

    private static String restrictionId(LetterLanguage language) {
        return ROOT + code(language) + "/parts/restriction.txt";
    }

    /**
     * Renders a letter in these languages (in this order).
     *
     * @param view this language's version of the letter's contents, given its subject line
     */
    public Rendered render(LetterKind kind, List<LetterLanguage> languages,
            BiFunction<LetterLanguage, String, LetterView> view) {
        List<String> subjects = new ArrayList<>();
        List<LetterPage.Section> html = new ArrayList<>();
        List<LetterPage.Section> text = new ArrayList<>();
        for (LetterLanguage language : languages) {
            String subject = subject(kind, language);
            subjects.add(subject);
            LetterView letter = view.apply(language, subject);
            html.add(new LetterPage.Section(code(language),
                    template(bodyId(kind, language, "html")).data("letter", letter).render()));
            text.add(new LetterPage.Section(code(language),
                    template(bodyId(kind, language, "txt")).data("letter", letter).render()));
        }
        String subject = String.join(" / ", subjects);
        String first = code(languages.get(0));
        return new Rendered(subject,
                template(ROOT + "layout.html").data("page", new LetterPage(first, subject, html)).render(),
                tidy(template(ROOT + "layout.txt").data("page", new LetterPage(first, subject, text)).render()));
    }

    /** Plain text without trailing spaces or runs of blank lines that conditional sections leave behind. */
    static String tidy(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static String bodyId(LetterKind kind, LetterLanguage language, String format) {
        return ROOT + code(language) + "/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + format;
    }

    private static String code(LetterLanguage language) {
        return language.name().toLowerCase(Locale.ROOT);
    }

    private void require(String id, List<String> missing) {
        if (engine.getTemplate(id) == null) {
            missing.add(id);
        }
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No letter template " + id);
        }
        return template;
    }
}
