package org.ubcs.cases.domain;

import java.time.LocalDate;
import java.util.List;

import org.ubcs.api.model.DecisionOutcome;

/** A decision as the decision maker records it, before the rules have accepted it. */
public record DecisionDraft(DecisionOutcome outcome, LocalDate decidedOn, String reasons,
        List<CaseForms.AgreedAction> agreedActions, LocalDate customerToldOn, LocalDate reviewOn) {
}
