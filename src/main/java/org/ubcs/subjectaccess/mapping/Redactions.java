package org.ubcs.subjectaccess.mapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ubcs.api.model.SubjectAccessRedaction;
import org.ubcs.api.model.SubjectAccessRedactionReason;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finds third parties' personal data in an export, by where it sits in the document (the schemas are shared with the
 * rest of the API, so the rule reads field names, not classes):
 * <ul>
 * <li>a user recorded as acting ({@code Actor}: subject and name) is {@code STAFF_NAME} unless the role that acts
 * there is one whose names are shown ({@code ubcs.subject-access.named-roles}): a case's {@code decidedBy} is the
 * decision maker, an appeal's the appeal reviewer; every other acting user's role is not known from the record, so
 * is marked;</li>
 * <li>the officer named in an evidence entry (text) is {@code STAFF_NAME};</li>
 * <li>referral involvements (MP or councillor, independent investigator, Ombudsman) with details, register
 * witnesses and the customer's advocate are {@code THIRD_PARTY}.</li>
 * </ul>
 * The named officer and deputy of a restriction are not marked: the customer's letter gives them. Free text is not
 * read: a person must.
 */
final class Redactions {

    private static final Set<String> INVOLVEMENTS = Set.of("mpOrCouncillor", "independentInvestigator", "ombudsman");

    private final Set<String> namedRoles;
    private final List<SubjectAccessRedaction> found = new ArrayList<>();

    private Redactions(Set<String> namedRoles) {
        this.namedRoles = namedRoles;
    }

    static List<SubjectAccessRedaction> in(JsonNode document, Set<String> namedRoles) {
        Redactions redactions = new Redactions(namedRoles);
        redactions.walk(document, "", null);
        return redactions.found;
    }

    private void walk(JsonNode node, String pointer, String key) {
        if (node.isObject()) {
            if (isActor(node)) {
                actor(pointer, key);
                return;
            }
            if ("advocate".equals(key)) {
                mark(pointer, SubjectAccessRedactionReason.THIRD_PARTY,
                        "The customer's advocate: check whether the customer already has these details.");
                return;
            }
            if (key != null && INVOLVEMENTS.contains(key) && node.hasNonNull("details")) {
                mark(pointer + "/details", SubjectAccessRedactionReason.THIRD_PARTY,
                        "Details of someone else's involvement (" + key + ").");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), pointer + "/" + escape(field.getKey()), field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, key);
            }
        } else if (node.isTextual()) {
            if ("officer".equals(key)) {
                mark(pointer, SubjectAccessRedactionReason.STAFF_NAME,
                        "The officer named in an evidence entry.");
            } else if ("witnessedBy".equals(key)) {
                mark(pointer, SubjectAccessRedactionReason.THIRD_PARTY, "Witnesses named in a register entry.");
            }
        }
    }

    private void actor(String pointer, String key) {
        String role = null;
        if ("decidedBy".equals(key)) {
            role = pointer.contains("/appeals/") ? "APPEAL_REVIEWER" : "DECISION_MAKER";
        }
        if (role != null && namedRoles.contains(role)) {
            return;
        }
        mark(pointer, SubjectAccessRedactionReason.STAFF_NAME, (role == null ? "A member of staff (" + key + ")"
                : "A " + role + " (" + key + ")") + "; only the names of " + String.join(", ", namedRoles.stream()
                        .sorted().toList()) + " are shown.");
    }

    private void mark(String pointer, SubjectAccessRedactionReason reason, String note) {
        found.add(new SubjectAccessRedaction(pointer, reason, note));
    }

    private static boolean isActor(JsonNode node) {
        return node.size() == 2 && node.hasNonNull("subject") && node.hasNonNull("name");
    }

    /** RFC 6901. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
