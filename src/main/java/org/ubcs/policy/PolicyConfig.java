package org.ubcs.policy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ubcs.api.model.Classification;
import org.ubcs.api.model.HolidayRegion;
import org.ubcs.api.model.LetterLanguage;
import org.ubcs.api.model.NotificationRecipient;
import org.ubcs.api.model.OverdueReviewAction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Everything in which the councils' policies differ. Each council is a named profile under
 * {@code ubcs.policy.profiles}; {@code ubcs.policy.active} chooses the one this service runs.
 */
@ConfigMapping(prefix = "ubcs.policy")
public interface PolicyConfig {

    /** The key of the active profile. */
    String active();

    Map<String, Profile> profiles();

    interface Profile {
        String councilName();

        /** The council's name in Welsh, for the Welsh version of bilingual letters (English name if absent). */
        Optional<String> councilNameCy();

        /** The council's name as a version in this language gives it: Welsh where set, else the English name. */
        default String councilName(LetterLanguage language) {
            return language == LetterLanguage.CY ? councilNameCy().orElse(councilName()) : councilName();
        }

        /** The senior role that decides, as the council names it. */
        String decisionMakerLabel();

        /** Who considers a challenge to a decision (an appeal), as the council names the role. */
        String appealReviewerLabel();

        /** The appeal reviewer's title in Welsh, for the Welsh version of bilingual letters (English if absent). */
        Optional<String> appealReviewerLabelCy();

        /** The appeal reviewer's title as a version in this language gives it: Welsh where set, else English. */
        default String appealReviewerLabel(LetterLanguage language) {
            return language == LetterLanguage.CY ? appealReviewerLabelCy().orElse(appealReviewerLabel())
                    : appealReviewerLabel();
        }

        Period reviewInterval();

        /** The furthest a review date may lie after its decision. */
        Period maxReviewHorizon();

        /** How long before the review date the review task (Form B) opens. */
        Period reviewPreparationLeadTime();

        /**
         * The day a review task (Form B) due on {@code dueOn} opens, as seen on {@code today}: the preparation lead
         * time before the review date, or today where that day has passed without it opening (a review date set
         * inside the lead time, or a job that did not run): a task never opens before it exists.
         */
        default LocalDate reviewTaskOpensOn(LocalDate dueOn, LocalDate today) {
            LocalDate planned = reviewPreparationStartsOn(dueOn);
            return planned.isBefore(today) ? today : planned;
        }

        /** The lead time before a review date: the day its preparation (Form B) is planned to start. */
        default LocalDate reviewPreparationStartsOn(LocalDate dueOn) {
            return dueOn.minus(reviewPreparationLeadTime());
        }

        /** The date of the status review of a decision made on {@code decidedOn}, where the policy has one. */
        default Optional<LocalDate> statusReviewOn(LocalDate decidedOn) {
            return statusReviewAfter().map(decidedOn::plus);
        }

        /** The shortest time a decision to apply the policy stands. */
        Period minimumDuration();

        Period customerReviewRequestAfter();

        Optional<Period> statusReviewAfter();

        int appealWindowWorkingDays();

        int appealDecisionWorkingDays();

        HolidayRegion holidayRegion();

        List<NotificationRecipient> decisionNotifications();

        Period retentionAfterClosure();

        /** How long audit events are kept before the retention job prunes them. */
        Period auditRetention();

        List<Classification> classifications();

        List<LetterLanguage> letterLanguages();

        Ombudsman ombudsman();

        /** The longest an emergency restriction may run before a decision. */
        Period emergencyRestrictionMaxDuration();

        /** Working days after an emergency restriction by which its follow-up assessment is due. */
        int emergencyAssessmentWorkingDays();

        /** Working days after receipt by which filed correspondence must be screened. */
        int readAndFileScreeningWorkingDays();

        /** What happens to a review that is overdue: the restrictions lapse, or it goes to the policy owner. */
        OverdueReviewAction overdueReviewAction();

        /** Who is told of a review's outcome. */
        List<NotificationRecipient> reviewNotifications();

        /** The register of potentially dangerous persons and properties, where the council keeps one. */
        Optional<Register> register();

        /** Whether the register is kept: set, and switched on. */
        default boolean registerUsed() {
            return register().map(Register::used).orElse(false);
        }
    }

    /** How the council keeps its register of potentially dangerous persons and properties. */
    interface Register {
        boolean used();

        /** Who approves entries and reviews them every year, as the council names them. */
        String approverLabel();

        /** From an approval (or the last review) to the next review. */
        Period reviewInterval();

        /** How long before the review date the review task opens. */
        Period reviewLeadTime();

        /** The risk scale, lowest first. */
        List<String> riskLevels();

        /** The precautions an entry may call for, in the order staff see them. */
        List<Precaution> precautions();

        /** Working days a person told of an entry has to appeal. */
        int appealWindowWorkingDays();

        /** Who is told of an entry coming into force. */
        List<NotificationRecipient> notifications();

        /** How long a removed entry's content is kept, by risk level. */
        Map<String, Period> removedContentKept();

        /** The label of a precaution the profile lists, if it lists it. */
        default Optional<String> labelOf(String code) {
            return precautions().stream().filter(p -> p.code().equals(code)).map(Precaution::label).findFirst();
        }
    }

    interface Precaution {
        String code();

        String label();
    }

    interface Ombudsman {
        String name();

        /** The Ombudsman's name in Welsh, for the Welsh version of bilingual letters (English name if absent). */
        Optional<String> nameCy();

        @WithName("url")
        String url();

        /** The Ombudsman's name as a version in this language gives it: Welsh where set, else the English name. */
        default String name(LetterLanguage language) {
            return language == LetterLanguage.CY ? nameCy().orElse(name()) : name();
        }
    }
}
