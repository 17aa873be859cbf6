package org.ubcs.restriction.domain;

import java.time.LocalDate;
import java.util.List;

import org.ubcs.api.model.RestrictionScope;

/** A restriction as a decision maker (or, in an emergency, an officer) sets it out. */
public record RestrictionDraft(Terms terms, RestrictionScope scope, LocalDate startsOn, LocalDate endsOn,
        String reasons, List<String> statutoryServicesAffected, String legalBasis, String adjustmentsOverride) {
}
