package org.ubcs.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.ubcs.api.model.AgreedActionType;
import org.ubcs.api.model.AlternativeKind;
import org.ubcs.api.model.Channel;
import org.ubcs.api.model.ClosureReason;
import org.ubcs.api.model.DecisionOutcome;
import org.ubcs.api.model.PriorWarningType;
import org.ubcs.api.model.WarningSkipGround;
import org.ubcs.security.Actor;

/**
 * The forms a case's steps record, kept whole (as JSON) with the case: the referral (Form A), the informal stage, the
 * preconditions, the assessment, the case conference and the closure. Their stored shape is theirs, not the API's.
 */
public final class CaseForms {

    private CaseForms() {
    }

    public record Referral(String background, List<Document> documents, Checklist checklist) {
    }

    public record Document(String title, String reference) {
    }

    /** Form A's checklist. */
    public record Checklist(boolean complaintsProcedureExhausted, String complaintsProcedureStage,
            Involvement ombudsman, Involvement mpOrCouncillor, Involvement independentInvestigator,
            boolean meetingHeld, List<AlternativeTried> alternativesTried) {
    }

    public record Involvement(boolean involved, String details) {
    }

    public record AlternativeTried(AlternativeKind alternative, String result) {
    }

    /** The informal stage: the warning letter sent, or why it was skipped. */
    public record PriorWarning(PriorWarningType type, LocalDate explanationGivenOn, LocalDate sentOn, Channel channel,
            String summary, WarningSkipGround ground, String details, Actor recordedBy, Instant recordedAt) {

        public PriorWarning recordedBy(Actor actor, Instant at) {
            return new PriorWarning(type, explanationGivenOn, sentOn, channel, summary, ground, details, actor, at);
        }
    }

    public record Answer(boolean met, String note) {
    }

    /** The preconditions of a decision; a null answer is an unanswered question. */
    public record Preconditions(Answer complaintProperlyInvestigated, Answer suitableCommunication,
            Answer deadlinesGiven, Answer noSignificantNewInformation, Answer councilsOwnMatter,
            Answer healthAndDisabilityConsidered, Actor recordedBy, Instant recordedAt) {

        public Preconditions recordedBy(Actor actor, Instant at) {
            return new Preconditions(complaintProperlyInvestigated, suitableCommunication, deadlinesGiven,
                    noSignificantNewInformation, councilsOwnMatter, healthAndDisabilityConsidered, actor, at);
        }

        private Stream<Answer> answers() {
            return Stream.of(complaintProperlyInvestigated, suitableCommunication, deadlinesGiven,
                    noSignificantNewInformation, councilsOwnMatter, healthAndDisabilityConsidered);
        }

        public boolean allAnswered() {
            return answers().allMatch(answer -> answer != null);
        }

        public boolean allMet() {
            return answers().allMatch(answer -> answer != null && answer.met());
        }
    }

    public record Assessment(String summary, DecisionOutcome recommendation, Actor assessedBy, Instant assessedAt) {

        public Assessment recordedBy(Actor actor, Instant at) {
            return new Assessment(summary, recommendation, actor, at);
        }
    }

    public record CaseConference(LocalDate heldOn, String chair, List<String> servicesAttending, String summary,
            List<ConferenceAction> agreedActions, Actor recordedBy, Instant recordedAt) {

        public CaseConference recordedBy(Actor actor, Instant at) {
            return new CaseConference(heldOn, chair, servicesAttending, summary, agreedActions, actor, at);
        }
    }

    public record ConferenceAction(String action, String owner, LocalDate dueOn) {
    }

    public record Closure(ClosureReason reason, String notes, LocalDate closedOn, Actor closedBy, Instant recordedAt) {
    }

    public record AgreedAction(AgreedActionType type, String details) {
    }

    /** A decision's agreed actions, wrapped because Hibernate Reactive stores JSON objects, not arrays. */
    public record AgreedActions(List<AgreedAction> items) {
    }
}
