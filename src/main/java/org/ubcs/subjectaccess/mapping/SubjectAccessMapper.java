package org.ubcs.subjectaccess.mapping;

import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ubcs.web.ApiValues;
import org.ubcs.api.model.SubjectAccessCase;
import org.ubcs.api.model.SubjectAccessContact;
import org.ubcs.api.model.SubjectAccessExport;
import org.ubcs.api.model.SubjectAccessRegisterEntry;
import org.ubcs.appeal.mapping.AppealMapper;
import org.ubcs.cases.mapping.CaseMapper;
import org.ubcs.cases.mapping.EvidenceMapper;
import org.ubcs.contactcheck.domain.ContactEntity;
import org.ubcs.customer.mapping.CustomerMapper;
import org.ubcs.letter.mapping.LetterMapper;
import org.ubcs.notification.mapping.NotificationMapper;
import org.ubcs.readandfile.mapping.ReadAndFileMapper;
import org.ubcs.register.mapping.RegisterMapper;
import org.ubcs.restriction.mapping.RestrictionMapper;
import org.ubcs.review.mapping.ReviewMapper;
import org.ubcs.subjectaccess.service.SubjectAccessService.CaseHoldings;
import org.ubcs.subjectaccess.service.SubjectAccessService.Holdings;
import org.ubcs.subjectaccess.service.SubjectAccessService.RegisterHoldings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the export document from the holdings with each capability's own mapper (so the export shows what the API
 * shows, and no internal field the API keeps out), then marks third parties' personal data (Redactions).
 */
@ApplicationScoped
public class SubjectAccessMapper {

    /** The roles whose names are shown in an export; every other staff name is marked for redaction. */
    @ConfigProperty(name = "ubcs.subject-access.named-roles", defaultValue = "DECISION_MAKER,APPEAL_REVIEWER")
    List<String> namedRoles;

    @Inject
    ObjectMapper json;

    @Inject
    CustomerMapper customers;

    @Inject
    CaseMapper cases;

    @Inject
    EvidenceMapper evidence;

    @Inject
    RestrictionMapper restrictions;

    @Inject
    LetterMapper letters;

    @Inject
    ReadAndFileMapper readAndFile;

    @Inject
    ReviewMapper reviews;

    @Inject
    AppealMapper appeals;

    @Inject
    NotificationMapper notifications;

    @Inject
    RegisterMapper register;

    /** The document with its redactions, and the same as a JSON tree (for the page). */
    public record Document(SubjectAccessExport export, JsonNode tree) {
    }

    public Document toApi(Holdings h) {
        SubjectAccessExport export = new SubjectAccessExport(h.export().id, h.export().customerId,
                h.export().exportedAt.atOffset(ZoneOffset.UTC),
                ApiValues.actor(h.export().exportedBySubject, h.export().exportedByName), h.export().reason,
                customers.toApi(h.customer()),
                h.cases().stream().map(c -> toApi(c, h)).toList(),
                h.restrictions().stream().map(r -> restrictions.toApi(r, h.today())).toList(),
                h.letters().stream().map(letters::toApi).toList(),
                h.contacts().stream().map(SubjectAccessMapper::toApi).toList(),
                h.readAndFileItems().stream().map(i -> readAndFile.toApi(i, h.today())).toList(),
                h.registerEntries().stream().map(this::toApi).toList(),
                h.otherAppeals().stream().map(a -> appeals.toApi(a, h.today())).toList(),
                List.of());
        JsonNode tree = json.valueToTree(export);
        export.setRedactions(Redactions.in(tree, namedRoles()));
        return new Document(export, json.valueToTree(export));
    }

    Set<String> namedRoles() {
        return new LinkedHashSet<>(namedRoles.stream().map(String::strip).filter(r -> !r.isEmpty()).toList());
    }

    private SubjectAccessCase toApi(CaseHoldings c, Holdings h) {
        return new SubjectAccessCase(cases.toApi(c.kase()),
                c.evidence().stream().map(evidence::toApi).toList(),
                c.reviews().stream().map(r -> reviews.toApi(r, h.today())).toList(),
                c.freshIssues().stream().map(reviews::toApi).toList(),
                c.appeals().stream().map(a -> appeals.toApi(a, h.today())).toList(),
                c.notifications().stream().map(notifications::toApi).toList());
    }

    private SubjectAccessRegisterEntry toApi(RegisterHoldings r) {
        return new SubjectAccessRegisterEntry(register.toApi(r.entry()),
                r.versions().stream().map(register::toApi).toList());
    }

    private static SubjectAccessContact toApi(ContactEntity c) {
        SubjectAccessContact contact = new SubjectAccessContact(c.id, c.channel,
                c.occurredAt.atOffset(ZoneOffset.UTC), c.newComplaint, c.verdict,
                ApiValues.actor(c.recordedBySubject, c.recordedByName));
        contact.setCaseId(c.caseId);
        return contact;
    }
}
