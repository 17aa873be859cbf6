package org.ubcs.contactcheck.mapping;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.ContactCheckRequest;
import org.ubcs.api.model.ContactCheckResult;
import org.ubcs.api.model.CustomerIdentifiers;
import org.ubcs.api.model.NamedOfficer;
import org.ubcs.contactcheck.domain.ContactOutcome;
import org.ubcs.contactcheck.domain.ContactQuestionDraft;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.domain.Identification;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;

@ApplicationScoped
public class ContactCheckMapper {

    /** The question, with the caller identified by exactly one way: an id, an email, a phone, or name and postcode. */
    public ContactQuestionDraft toDraft(ContactCheckRequest request, ZonedDateTime now) {
        CustomerIdentifiers ids = request.getCustomer();
        Identification who;
        if (request.getCustomerId() != null && ids == null) {
            who = new Identification(request.getCustomerId(), null, null, null, null);
        } else if (request.getCustomerId() == null && ids != null && ids.getEmail() != null) {
            who = new Identification(null, ids.getEmail().trim(), null, null, null);
        } else if (request.getCustomerId() == null && ids != null && ids.getPhone() != null
                && ids.getPhone().replaceAll("[^0-9]", "").length() >= 6) {
            who = new Identification(null, null, ids.getPhone().replaceAll("[^0-9]", ""), null, null);
        } else if (request.getCustomerId() == null && ids != null && ids.getFullName() != null
                && ids.getPostcode() != null) {
            who = new Identification(null, null, null, ids.getFullName().trim(),
                    ids.getPostcode().replace(" ", "").toUpperCase(Locale.ROOT));
        } else {
            throw ProblemException.invalid(List.of(FieldError.field("/customer", "identify the customer by "
                    + "customerId, or by customer.email, customer.phone, or customer.fullName with customer.postcode "
                    + "(one of them)")));
        }
        ZonedDateTime at = request.getAt() == null ? now : request.getAt().toZonedDateTime();
        return new ContactQuestionDraft(who, new ContactRules.Question(request.getChannel(), request.getOfficer(),
                request.getCaseId(), Boolean.TRUE.equals(request.getNewComplaint()), at),
                Boolean.TRUE.equals(request.getRecord()));
    }

    public ContactCheckResult toApi(ContactOutcome outcome) {
        ContactRules.Answer answer = outcome.answer();
        ContactCheckResult result = new ContactCheckResult(answer.verdict(), answer.script(), answer.deciding(),
                answer.notes());
        result.setCustomerId(outcome.customerId());
        if (answer.namedOfficer() != null) {
            result.setNamedOfficer(new NamedOfficer(answer.namedOfficer().name()).email(answer.namedOfficer().email())
                    .phone(answer.namedOfficer().phone()));
        }
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
        return result;
    }
}
