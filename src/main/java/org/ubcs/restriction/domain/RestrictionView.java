package org.ubcs.restriction.domain;

import java.time.LocalDate;

/** A restriction version with the review date of its case's decision (null for an emergency restriction). */
public record RestrictionView(RestrictionEntity restriction, LocalDate reviewOn) {
}
