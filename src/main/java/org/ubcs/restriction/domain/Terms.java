package org.ubcs.restriction.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ubcs.api.model.CapPeriod;
import org.ubcs.api.model.Channel;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What a restriction limits, one record per type. Each type says which channels it leaves open, which is what the
 * "never cut off all contact" and reasonable-adjustment guards reason about.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(Terms.SinglePointOfContact.class),
        @JsonSubTypes.Type(Terms.ChannelLimit.class),
        @JsonSubTypes.Type(Terms.TimeWindows.class),
        @JsonSubTypes.Type(Terms.ContactCap.class),
        @JsonSubTypes.Type(Terms.MatterClosed.class),
        @JsonSubTypes.Type(Terms.WitnessRequired.class),
        @JsonSubTypes.Type(Terms.MeetingsByAppointment.class),
        @JsonSubTypes.Type(Terms.NoFaceToFace.class),
        @JsonSubTypes.Type(Terms.PremisesBan.class),
        @JsonSubTypes.Type(Terms.ContactAgreement.class),
        @JsonSubTypes.Type(Terms.CeaseAndDesist.class),
        @JsonSubTypes.Type(Terms.Injunction.class),
        @JsonSubTypes.Type(Terms.Other.class) })
public sealed interface Terms {

    /** The type's name, as stored and as in the contract's RestrictionType. */
    default String typeName() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    /** The channels this restriction, on its own, leaves open. */
    default Set<Channel> channelsLeftOpen() {
        return EnumSet.allOf(Channel.class);
    }

    record Officer(String name, String email, String phone) {
    }

    @JsonTypeName("SINGLE_POINT_OF_CONTACT")
    record SinglePointOfContact(Officer officer, Officer deputy) implements Terms {
    }

    @JsonTypeName("CHANNEL_LIMIT")
    record ChannelLimit(Set<Channel> allowedChannels, String dedicatedEmailAddress) implements Terms {
        @Override
        public Set<Channel> channelsLeftOpen() {
            return EnumSet.copyOf(allowedChannels);
        }
    }

    /** A London time window: {@code from} included, {@code to} excluded. */
    record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    @JsonTypeName("TIME_WINDOWS")
    record TimeWindows(Set<Channel> channels, List<Window> windows) implements Terms {
    }

    @JsonTypeName("CONTACT_CAP")
    record ContactCap(int maxContacts, CapPeriod per, Integer maxCallMinutes) implements Terms {
    }

    @JsonTypeName("MATTER_CLOSED")
    record MatterClosed(boolean acknowledge) implements Terms {
    }

    @JsonTypeName("WITNESS_REQUIRED")
    record WitnessRequired() implements Terms {
    }

    @JsonTypeName("MEETINGS_BY_APPOINTMENT")
    record MeetingsByAppointment(String offices) implements Terms {
    }

    @JsonTypeName("NO_FACE_TO_FACE")
    record NoFaceToFace() implements Terms {
        @Override
        public Set<Channel> channelsLeftOpen() {
            Set<Channel> open = EnumSet.allOf(Channel.class);
            open.remove(Channel.FACE_TO_FACE);
            return open;
        }
    }

    @JsonTypeName("PREMISES_BAN")
    record PremisesBan(List<String> premises) implements Terms {
    }

    @JsonTypeName("CONTACT_AGREEMENT")
    record ContactAgreement(String terms, LocalDate agreedOn) implements Terms {
    }

    @JsonTypeName("CEASE_AND_DESIST")
    record CeaseAndDesist(LocalDate issuedOn, String details) implements Terms {
    }

    @JsonTypeName("INJUNCTION")
    record Injunction(String court, String reference, LocalDate expiresOn) implements Terms {
    }

    @JsonTypeName("OTHER")
    record Other(String description) implements Terms {
    }
}
