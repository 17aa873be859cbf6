package org.ubcs.register.domain;

import java.util.UUID;

import org.ubcs.api.model.RegisterEntryState;

/** Which entries to list: each criterion given narrows it. */
public record EntryFilter(RegisterEntryState state, UUID customerId) {
}
