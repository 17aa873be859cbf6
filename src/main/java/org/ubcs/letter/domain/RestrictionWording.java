package org.ubcs.letter.domain;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.ubcs.api.model.CapPeriod;
import org.ubcs.api.model.Channel;
import org.ubcs.api.model.LetterLanguage;

import io.quarkus.qute.TemplateData;

/**
 * A restriction as the template {@code letters/<language>/parts/restriction.txt} reads it: the facts of
 * {@link RestrictionFacts} with dates written out in the letter's language and times as people write them
 * ("10:00"). Channels and days stay typed: the template words and joins them, as each language does.
 */
@TemplateData
public record RestrictionWording(String type, boolean thisMatterOnly, String endsOn, RestrictionFacts.Officer officer,
        RestrictionFacts.Officer deputy, List<Channel> channels, String email, List<Window> windows,
        Integer maxContacts, CapPeriod per, Integer maxCallMinutes, boolean acknowledge, String text, String on,
        String court, String reference, List<String> places) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @TemplateData
    public record Window(List<DayOfWeek> days, String from, String to) {
    }

    public static RestrictionWording of(RestrictionFacts facts, LetterLanguage language) {
        return new RestrictionWording(facts.type(), facts.thisMatterOnly(),
                LetterWording.date(facts.endsOn(), language), facts.officer(), facts.deputy(),
                facts.channels() == null ? List.of() : facts.channels(), facts.email(),
                facts.windows() == null ? List.of() : facts.windows().stream()
                        .map(w -> new Window(w.days().stream().sorted().toList(), w.from().format(TIME),
                                w.to().format(TIME)))
                        .toList(),
                facts.maxContacts(), facts.per(), facts.maxCallMinutes(), facts.acknowledge(), facts.text(),
                LetterWording.date(facts.on(), language), facts.court(), facts.reference(),
                facts.places() == null ? List.of() : facts.places());
    }
}
