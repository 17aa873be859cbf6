package org.ubcs.contactcheck.domain;

/** A contact check as asked: who, and the contact; whether to record it. */
public record ContactQuestionDraft(Identification who, ContactRules.Question question, boolean record) {
}
