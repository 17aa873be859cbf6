package org.ubcs.register.domain;

import java.util.ArrayList;
import java.util.List;

import org.ubcs.api.model.RegisterEntryState;
import org.ubcs.api.model.RegisterStep;
import org.ubcs.problem.ProblemException;

/** Which steps an entry allows now: the one place the register's lifecycle is written down. */
public final class RegisterProcedure {

    private RegisterProcedure() {
    }

    public static List<RegisterStep> allowed(RegisterEntryEntity entry) {
        List<RegisterStep> steps = new ArrayList<>();
        if (entry.state == RegisterEntryState.REMOVED) {
            return steps;
        }
        steps.add(RegisterStep.DRAFT);
        if (entry.pendingVersionId != null) {
            steps.add(RegisterStep.APPROVE);
        }
        if (entry.state == RegisterEntryState.APPROVED && entry.telling == null) {
            steps.add(RegisterStep.RECORD_TELLING);
        }
        steps.add(RegisterStep.REMOVE);
        return steps;
    }

    /** 409 naming the steps that are allowed, unless {@code step} is one of them. */
    public static void require(RegisterStep step, RegisterEntryEntity entry, String detail) {
        List<RegisterStep> allowed = allowed(entry);
        if (!allowed.contains(step)) {
            throw ProblemException.illegalStep(detail, allowed.stream().map(Enum::name).toList());
        }
    }
}
