package org.ubcs.contactcheck.mapping;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.ContactCheckMatter;
import org.ubcs.api.model.ContactCheckRequest;
import org.ubcs.api.model.ContactCheckResult;
import org.ubcs.api.model.CustomerIdentifiers;
import org.ubcs.api.model.NamedOfficer;
import org.ubcs.contactcheck.domain.ContactOutcome;
import org.ubcs.contactcheck.domain.ContactQuestionDraft;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.domain.Identification;
import org.ubcs.contactcheck.service.ContactCheckService;
import org.ubcs.identifiers.Identifiers;
import org.ubcs.identifiers.Recognised;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.register.mapping.RegisterMapper;
import org.ubcs.restriction.domain.Terms;
import org.ubcs.text.TextHygiene;

@ApplicationScoped
public class ContactCheckMapper {

    @Inject
    RegisterMapper register;

    /**
     * The question, with the caller identified by an id, or by any of email, phone, and full name with postcode, each
     * read as the customer's record keeps it. An identifier that cannot be recognised is refused, never taken for
     * "nobody".
     */
    public ContactQuestionDraft toDraft(ContactCheckRequest request, ZonedDateTime now) {
        CustomerIdentifiers ids = request.getCustomer();
        Identification who;
        if (request.getCustomerId() != null && ids == null) {
            who = new Identification(request.getCustomerId(), null, null, null, null);
        } else if (request.getCustomerId() == null && ids != null) {
            who = identification(ids);
        } else {
            throw ProblemException.invalid(List.of(FieldError.field("/customer", IDENTIFY)));
        }
        ZonedDateTime at = request.getAt() == null ? now : request.getAt().toZonedDateTime();
        return new ContactQuestionDraft(who, new ContactRules.Question(request.getChannel(), request.getOfficer(),
                request.getCaseId(), Boolean.TRUE.equals(request.getNewComplaint()), at),
                Boolean.TRUE.equals(request.getRecord()));
    }

    private static final String IDENTIFY = "identify the customer by customerId, or by customer.email, "
            + "customer.phone, or customer.fullName with customer.postcode (any of them, not with customerId)";

    private static Identification identification(CustomerIdentifiers ids) {
        Recognised read = new Recognised();
        String email = read.emailKey(ids.getEmail(), "/customer/email");
        String phone = read.phone(ids.getPhone(), "/customer/phone");
        String postcode = read.postcodeKey(ids.getPostcode(), "/customer/postcode");
        String name = ids.getFullName() == null || TextHygiene.isBlank(ids.getFullName()) ? null
                : Identifiers.nameKey(ids.getFullName());
        if (ids.getFullName() != null && name == null) {
            read.refuse("/customer/fullName", "must not be blank");
        }
        if (ids.getFullName() != null && ids.getPostcode() == null) {
            read.refuse("/customer/postcode", "is required with fullName");
        }
        if (ids.getPostcode() != null && ids.getFullName() == null) {
            read.refuse("/customer/fullName", "is required with postcode");
        }
        if (ids.getEmail() == null && ids.getPhone() == null && ids.getFullName() == null && ids.getPostcode() == null) {
            read.refuse("/customer", IDENTIFY);
        }
        read.orRefuse();
        return new Identification(null, email, phone, name, postcode);
    }

    public ContactCheckResult toApi(ContactCheckService.Checked checked) {
        ContactOutcome outcome = checked.outcome();
        ContactRules.Answer answer = outcome.answer();
        ContactCheckResult result = new ContactCheckResult(answer.verdict(), answer.script(), answer.deciding(),
                answer.notes());
        result.setCustomerId(outcome.customerId());
        result.setNamedOfficer(officer(answer.namedOfficer()));
        result.setDeputy(officer(answer.deputy()));
        // Absent, not empty, when the caller is not one customer on record or has no open case.
        result.setMatters(outcome.matters().isEmpty() ? null : outcome.matters().stream()
                .map(m -> new ContactCheckMatter(m.caseId(), m.title(), m.readAndFile())).toList());
        // Absent, not empty, when no channel limit decided: an empty list would read as "no channel at all".
        result.setAllowedChannels(answer.allowedChannels() == null ? null
                : answer.allowedChannels().stream().sorted().toList());
        if (answer.nextPermittedAt() != null) {
            result.setNextPermittedAt(answer.nextPermittedAt().atOffset(ZoneOffset.UTC));
        }
        if (answer.capResetsAt() != null) {
            result.setCapResetsAt(answer.capResetsAt().atOffset(ZoneOffset.UTC));
        }
        result.setRecordedContactId(outcome.contactId());
        result.setReadAndFileItemId(outcome.readAndFileItemId());
        // Absent, not empty, when there are none (the generated model starts with an empty list).
        result.setPrecautions(checked.precautions().isEmpty() ? null
                : checked.precautions().stream().map(register::toApi).toList());
        return result;
    }

    /** The officer as the restriction stores them. */
    private static NamedOfficer officer(Terms.Officer officer) {
        return officer == null ? null : new NamedOfficer(officer.name()).email(officer.email()).phone(officer.phone());
    }
}
