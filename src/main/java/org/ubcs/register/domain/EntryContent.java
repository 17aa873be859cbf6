package org.ubcs.register.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.Channel;

/**
 * What one version of a register entry records: about a person, a property or both, the incidents that are its facts,
 * the risk level, the precautions and how to communicate. Kept whole, as JSON, with the version.
 */
public record EntryContent(Person person, Property property, List<Incident> incidents, String riskLevel,
        List<Precaution> precautions, Communication communication) {

    /** A customer on record ({@code customerId}), or someone who is not ({@code fullName}). */
    public record Person(UUID customerId, String fullName, LocalDate dateOfBirth, String connection) {
    }

    public record Property(Address address, String uprn) {
    }

    public record Address(String line1, String line2, String town, String postcode) {
    }

    /** One thing that happened: when, what was seen or heard, who saw it, and where it is recorded. */
    public record Incident(LocalDate occurredOn, String whatHappened, String witnessedBy, String source, UUID caseId,
            UUID evidenceEntryId) {
    }

    public record Precaution(String code, String note) {
    }

    public record Communication(List<Channel> channels, String arrangements) {
    }
}
