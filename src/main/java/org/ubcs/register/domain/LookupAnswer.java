package org.ubcs.register.domain;

import java.util.List;
import java.util.UUID;

/**
 * What a lookup answers about an entry in force, and nothing more: who or where it applies to, the risk level, the
 * precautions (with the profile's labels) and how to communicate. Never the incidents. Kept with the entry so a
 * lookup is one query.
 */
public record LookupAnswer(AppliesTo appliesTo, String riskLevel, List<PrecautionView> precautions,
        EntryContent.Communication communication) {

    public record AppliesTo(UUID customerId, String fullName, String line1, String postcode, String uprn) {
    }

    public record PrecautionView(String code, String label, String note) {
    }
}
