package org.ubcs.cases.domain;

import java.time.LocalDate;
import java.util.List;

import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.api.model.RestrictionInput;

/**
 * A decision as the decision maker records it, before the rules have accepted it.
 *
 * @param restrictions the restrictions it imposes, as the contract gives them: only the restriction capability reads
 *        them (see DecisionRestrictions); never null
 */
public record DecisionDraft(DecisionOutcome outcome, LocalDate decidedOn, String reasons,
        List<CaseForms.AgreedAction> agreedActions, LocalDate customerToldOn, LocalDate reviewOn,
        List<RestrictionInput> restrictions) {

    public DecisionDraft {
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    /** A decision that imposes no restriction itself. */
    public DecisionDraft(DecisionOutcome outcome, LocalDate decidedOn, String reasons,
            List<CaseForms.AgreedAction> agreedActions, LocalDate customerToldOn, LocalDate reviewOn) {
        this(outcome, decidedOn, reasons, agreedActions, customerToldOn, reviewOn, List.of());
    }
}
