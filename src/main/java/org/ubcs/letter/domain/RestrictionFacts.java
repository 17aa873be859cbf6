package org.ubcs.letter.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.ubcs.api.model.CapPeriod;
import org.ubcs.api.model.Channel;

import io.quarkus.qute.TemplateData;

/**
 * One restriction as a letter states it, from its typed terms, in no language yet: the letter templates word it
 * ({@code letters/<language>/parts/restriction.txt}). Which fields are set depends on the type:
 * <ul>
 * <li>SINGLE_POINT_OF_CONTACT: officer, deputy;</li>
 * <li>CHANNEL_LIMIT: channels (those allowed), email (a dedicated address);</li>
 * <li>TIME_WINDOWS: channels, windows;</li>
 * <li>CONTACT_CAP: maxContacts, per, maxCallMinutes;</li>
 * <li>MATTER_CLOSED: acknowledge;</li>
 * <li>MEETINGS_BY_APPOINTMENT: text (the offices);</li>
 * <li>PREMISES_BAN: places;</li>
 * <li>CONTACT_AGREEMENT: text (its terms), on (the day it was agreed);</li>
 * <li>CEASE_AND_DESIST: on (the day it was issued), text (its details);</li>
 * <li>INJUNCTION: court, reference, on (the day it expires);</li>
 * <li>OTHER: text (the description); WITNESS_REQUIRED and NO_FACE_TO_FACE: nothing more.</li>
 * </ul>
 *
 * @param type the restriction type, as in the contract's RestrictionType
 * @param thisMatterOnly whether it applies only to contact about the case's matter
 * @param endsOn the last day it applies (null: until lifted or reviewed)
 */
public record RestrictionFacts(String type, boolean thisMatterOnly, LocalDate endsOn, Officer officer,
        Officer deputy, List<Channel> channels, String email, List<Window> windows, Integer maxContacts,
        CapPeriod per, Integer maxCallMinutes, boolean acknowledge, String text, LocalDate on, String court,
        String reference, List<String> places) {

    /** A named officer and how to reach them. */
    @TemplateData
    public record Officer(String name, String email, String phone) {
    }

    /** Days and a London time window, {@code from} included, {@code to} excluded. */
    public record Window(List<DayOfWeek> days, LocalTime from, LocalTime to) {
    }
}
