package org.ubcs.cases.domain;

import java.util.UUID;

/** An evidence entry and the latest entry that corrects it, if any. */
public record EvidenceView(EvidenceEntryEntity entry, UUID correctedBy) {
}
