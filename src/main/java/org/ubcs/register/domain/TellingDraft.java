package org.ubcs.register.domain;

import java.time.LocalDate;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.RegisterNotToldReason;

/** What the approver says of telling the person: told on a day and how, or not, with the reason and a note. */
public record TellingDraft(boolean told, LocalDate toldOn, Channel channel, RegisterNotToldReason notToldReason,
        String note) {
}
