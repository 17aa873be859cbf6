package org.ubcs.cases.service;

import java.util.List;

import org.ubcs.api.model.RestrictionInput;
import org.ubcs.cases.domain.CaseEntity;
import org.ubcs.cases.domain.DecisionEntity;
import org.ubcs.letter.domain.RestrictionFacts;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;

/**
 * Imposes the restrictions a decision carries, in the decision's own transaction. The restriction capability
 * implements it: it alone knows restriction types and their rules (it depends on cases, so cases may not depend on
 * it). The decision request carries them as the contract gives them, which is all the cases capability can name.
 */
public interface DecisionRestrictions {

    /**
     * Checks and imposes them, in order, under the decision just recorded, by the same rules as imposing one later;
     * the first refused fails the step (a ProblemException pointing under {@code /restrictions/<i>}), so the
     * transaction writes nothing. Returns them as the decision letter states them.
     */
    Uni<List<RestrictionFacts>> imposeWithDecision(Actor actor, CaseEntity kase, DecisionEntity decision,
            List<RestrictionInput> requested);
}
