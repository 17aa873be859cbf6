package org.ubcs.cases.domain;

/** A case with its decision (null until decided): what a read of a case shows. */
public record CaseView(CaseEntity kase, DecisionEntity decision) {
}
