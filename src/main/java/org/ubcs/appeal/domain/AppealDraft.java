package org.ubcs.appeal.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ubcs.api.model.AppealGround;
import org.ubcs.api.model.Channel;

/** An appeal as received, against a decision or a register entry: the service refuses any other pairing. */
public record AppealDraft(UUID decisionId, UUID registerEntryId, LocalDate receivedOn, Channel channel,
        List<AppealGround> grounds, String text) {
}
