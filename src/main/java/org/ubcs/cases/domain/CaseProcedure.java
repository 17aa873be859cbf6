package org.ubcs.cases.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.ubcs.api.model.CaseStatus;
import org.ubcs.api.model.CaseStep;
import org.ubcs.api.model.Classification;
import org.ubcs.problem.ProblemException;

/**
 * The procedure as a state machine: which steps a case may take in each status. Referral, informal stage (prior
 * warning), assessment, a case conference (required for complex cases), decision, closure; evidence and the
 * preconditions may be recorded until the decision (evidence until closure).
 */
public final class CaseProcedure {

    private static final Map<CaseStatus, List<CaseStep>> STEPS = new EnumMap<>(CaseStatus.class);

    static {
        STEPS.put(CaseStatus.REFERRED, List.of(CaseStep.RECORD_EVIDENCE, CaseStep.RECORD_PRIOR_WARNING,
                CaseStep.RECORD_PRECONDITIONS, CaseStep.CLOSE));
        STEPS.put(CaseStatus.INFORMAL_STAGE_COMPLETED, List.of(CaseStep.RECORD_EVIDENCE,
                CaseStep.RECORD_PRECONDITIONS, CaseStep.RECORD_ASSESSMENT, CaseStep.CLOSE));
        STEPS.put(CaseStatus.ASSESSED, List.of(CaseStep.RECORD_EVIDENCE, CaseStep.RECORD_PRECONDITIONS,
                CaseStep.RECORD_CASE_CONFERENCE, CaseStep.RECORD_DECISION, CaseStep.CLOSE));
        STEPS.put(CaseStatus.CASE_CONFERENCE_HELD, List.of(CaseStep.RECORD_EVIDENCE, CaseStep.RECORD_PRECONDITIONS,
                CaseStep.RECORD_DECISION, CaseStep.CLOSE));
        STEPS.put(CaseStatus.POLICY_APPLIED, List.of(CaseStep.RECORD_EVIDENCE, CaseStep.IMPOSE_RESTRICTION,
                CaseStep.REQUEST_REVIEW, CaseStep.REFER_FRESH_ISSUE, CaseStep.RECORD_REVIEW_OUTCOME, CaseStep.CLOSE));
        STEPS.put(CaseStatus.POLICY_NOT_APPLIED, List.of(CaseStep.RECORD_EVIDENCE, CaseStep.CLOSE));
        STEPS.put(CaseStatus.CLOSED, List.of());
    }

    private CaseProcedure() {
    }

    /** The steps this case may take now: those of its status, less any its classifications or reviews rule out. */
    public static List<CaseStep> allowedSteps(CaseEntity kase) {
        return allowedSteps(CaseState.of(kase));
    }

    public static List<CaseStep> allowedSteps(CaseState kase) {
        return allowedSteps(kase.status(), kase.classificationList(), kase.reviewOpen());
    }

    static List<CaseStep> allowedSteps(CaseStatus status, List<Classification> classifications,
            boolean reviewOpen) {
        List<CaseStep> steps = new ArrayList<>(STEPS.get(status));
        if (status == CaseStatus.ASSESSED && classifications.contains(Classification.COMPLEX)) {
            steps.remove(CaseStep.RECORD_DECISION); // a complex case is decided after its case conference
        }
        if (!reviewOpen) {
            steps.remove(CaseStep.RECORD_REVIEW_OUTCOME); // an outcome is recorded on an open review task
        }
        return steps;
    }

    /** Refuses the step with 409 and the steps allowed now, unless the case's status allows it. */
    public static void require(CaseStep step, CaseEntity kase) {
        require(step, CaseState.of(kase));
    }

    /** As {@link #require(CaseStep, CaseEntity)}, on what the rules read of the case. */
    public static void require(CaseStep step, CaseState kase) {
        List<CaseStep> allowed = allowedSteps(kase);
        if (!allowed.contains(step)) {
            throw ProblemException.illegalStep(step + " is not allowed while the case is " + kase.status()
                    + (step == CaseStep.RECORD_REVIEW_OUTCOME && !kase.reviewOpen() ? " with no review task open" : "")
                    + ".",
                    allowed.stream().map(CaseStep::name).toList());
        }
    }
}
