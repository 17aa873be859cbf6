package org.ubcs.letter.domain;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * A whole letter as the layout templates see it: its subject and its language versions, each already rendered.
 *
 * @param language the language code of the first version, lower case, for the document's {@code lang}
 * @param subject the subject line, every language's joined
 * @param sections the language versions, in the order they appear
 */
@TemplateData
public record LetterPage(String language, String subject, List<Section> sections) {

    /**
     * One language version of the letter.
     *
     * @param language the language code, lower case
     * @param body the rendered version: HTML already escaped by its own template, or plain text
     */
    @TemplateData
    public record Section(String language, String body) {
    }
}
