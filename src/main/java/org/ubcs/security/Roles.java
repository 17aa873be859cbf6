package org.ubcs.security;

/** The roles a token's {@code groups} claim may carry. Which role may do what is stated in the contract. */
public final class Roles {

    public static final String COMPLAINTS_OFFICER = "COMPLAINTS_OFFICER";
    public static final String DECISION_MAKER = "DECISION_MAKER";
    public static final String APPEAL_REVIEWER = "APPEAL_REVIEWER";
    /** The customer relations manager who runs the policy. */
    public static final String POLICY_OWNER = "POLICY_OWNER";
    public static final String CONTACT_CENTRE = "CONTACT_CENTRE";
    public static final String LEGAL = "LEGAL";
    /** Read-only statistics and audit. */
    public static final String AUDITOR = "AUDITOR";
    /** Staff who visit homes and meet people: they look up the register before they go. */
    public static final String FIELD_OFFICER = "FIELD_OFFICER";

    private Roles() {
    }
}
