package org.ubcs.restriction.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.CommunicationNeed;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.problem.ProblemException;

/**
 * The guards every council's policy insists on: a restriction never cuts off all contact, never stops a genuinely new
 * complaint, never removes a statutory service without a legal basis, and never silently overrides the customer's
 * recorded communication needs.
 */
public final class RestrictionGuards {

    /** The channels through which each need can be met: at least one must stay open, or an override is recorded. */
    static final Map<CommunicationNeed, Set<Channel>> NEEDS = Map.of(
            CommunicationNeed.NEEDS_TELEPHONE_CONTACT, EnumSet.of(Channel.TELEPHONE),
            CommunicationNeed.NEEDS_WRITTEN_CONTACT, EnumSet.of(Channel.LETTER, Channel.EMAIL),
            CommunicationNeed.LARGE_PRINT, EnumSet.of(Channel.LETTER, Channel.EMAIL),
            CommunicationNeed.EASY_READ, EnumSet.of(Channel.LETTER, Channel.EMAIL),
            CommunicationNeed.BRAILLE, EnumSet.of(Channel.LETTER),
            CommunicationNeed.AUDIO, EnumSet.of(Channel.TELEPHONE, Channel.FACE_TO_FACE),
            CommunicationNeed.BSL_INTERPRETER, EnumSet.of(Channel.FACE_TO_FACE));

    private RestrictionGuards() {
    }

    /**
     * @param draft the restriction to impose
     * @param others the customer's other restrictions that will still be in force alongside it
     * @param needs the customer's recorded communication needs
     */
    public static void check(RestrictionDraft draft, Collection<RestrictionEntity> others,
            List<CommunicationNeed> needs) {
        if (draft.terms() instanceof Terms.MatterClosed && draft.scope() != RestrictionScope.THIS_MATTER) {
            throw ProblemException.policyRule("NEW_COMPLAINTS_BLOCKED", "Closing correspondence on every matter "
                    + "would stop genuinely new complaints; a matter-closed restriction must be scoped to one matter.");
        }
        if (!draft.statutoryServicesAffected().isEmpty()
                && (draft.legalBasis() == null || draft.legalBasis().isBlank())) {
            throw ProblemException.policyRule("STATUTORY_SERVICE_WITHOUT_LEGAL_BASIS",
                    "It affects services the customer is entitled to by law (" + draft.statutoryServicesAffected()
                            + "); record the legal basis.");
        }
        Set<Channel> open = draft.terms().channelsLeftOpen();
        others.forEach(other -> open.retainAll(other.terms.channelsLeftOpen()));
        if (open.isEmpty()) {
            throw ProblemException.policyRule("NO_CHANNEL_LEFT", "With the customer's other restrictions in force, "
                    + "this would leave no way at all to contact the council.");
        }
        if (draft.adjustmentsOverride() == null || draft.adjustmentsOverride().isBlank()) {
            Set<Channel> ownOpen = draft.terms().channelsLeftOpen();
            for (CommunicationNeed need : needs) {
                Set<Channel> ways = NEEDS.get(need);
                if (ways != null && ways.stream().noneMatch(ownOpen::contains)) {
                    throw ProblemException.policyRule("CONFLICTS_WITH_REASONABLE_ADJUSTMENTS", "The customer's "
                            + "recorded need " + need + " requires contact by " + ways + "; record the reasons "
                            + "for overriding it in adjustmentsOverride, or choose another restriction.");
                }
            }
        }
    }
}
