package org.ubcs.contactcheck.mapping;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.ContactCheckRequest;
import org.ubcs.api.model.CustomerIdentifiers;
import org.ubcs.contactcheck.domain.ContactOutcome;
import org.ubcs.contactcheck.domain.ContactQuestionDraft;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.domain.Identification;
import org.ubcs.contactcheck.domain.Matter;
import org.ubcs.contactcheck.service.ContactCheckService;
import org.ubcs.identifiers.Identifiers;
import org.ubcs.identifiers.Recognised;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.register.mapping.RegisterMapper;
import org.ubcs.restriction.domain.Terms;
import org.ubcs.text.TextHygiene;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationScoped
public class ContactCheckMapper {

    @Inject
    RegisterMapper register;

    /** The API's object mapper (its JSON settings), for the register's precautions only. */
    @Inject
    ObjectMapper mapper;

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

    /**
     * The answer as the contract's ContactCheckResult, written field by field (this is the hot path: no object
     * mapper walks a model for it). Optional fields are absent, never null or empty: no matters when the caller is
     * not one customer on record or has no open case; no allowed channels unless a channel limit decided (an empty
     * list would read as "no channel at all"); no precautions when there are none. Only the register's precautions,
     * which are rare and rich, go through the API's object mapper, so they read as they do everywhere else.
     */
    public byte[] toJson(ContactCheckService.Checked checked) {
        ContactOutcome outcome = checked.outcome();
        ContactRules.Answer answer = outcome.answer();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("verdict", answer.verdict().toString());
            json.writeStringField("script", answer.script());
            uuid(json, "customerId", outcome.customerId());
            if (!outcome.matters().isEmpty()) {
                json.writeArrayFieldStart("matters");
                for (Matter.Summary matter : outcome.matters()) {
                    json.writeStartObject();
                    uuid(json, "caseId", matter.caseId());
                    json.writeStringField("title", matter.title());
                    json.writeBooleanField("readAndFile", matter.readAndFile());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            officer(json, "namedOfficer", answer.namedOfficer());
            officer(json, "deputy", answer.deputy());
            if (answer.allowedChannels() != null) {
                json.writeArrayFieldStart("allowedChannels");
                for (Channel channel : new TreeSet<>(answer.allowedChannels())) {
                    json.writeString(channel.toString());
                }
                json.writeEndArray();
            }
            instant(json, "nextPermittedAt", answer.nextPermittedAt());
            instant(json, "capResetsAt", answer.capResetsAt());
            json.writeArrayFieldStart("decidingRestrictionIds");
            for (UUID id : answer.deciding()) {
                json.writeString(id.toString());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("notes");
            for (String note : answer.notes()) {
                json.writeString(note);
            }
            json.writeEndArray();
            uuid(json, "recordedContactId", outcome.contactId());
            uuid(json, "readAndFileItemId", outcome.readAndFileItemId());
            if (!checked.precautions().isEmpty()) {
                json.writeFieldName("precautions");
                json.writeObject(checked.precautions().stream().map(register::toApi).toList());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the contact check's answer", e);
        }
        return out.toByteArray();
    }

    private static void uuid(JsonGenerator json, String field, UUID value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value.toString());
        }
    }

    /** As the API writes every date-time: ISO 8601 at UTC, e.g. 2026-12-08T10:00:00Z. */
    private static void instant(JsonGenerator json, String field, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(field, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atOffset(ZoneOffset.UTC)));
        }
    }

    /** The officer as the restriction stores them. */
    private static void officer(JsonGenerator json, String field, Terms.Officer officer) throws IOException {
        if (officer == null) {
            return;
        }
        json.writeObjectFieldStart(field);
        json.writeStringField("name", officer.name());
        if (officer.email() != null) {
            json.writeStringField("email", officer.email());
        }
        if (officer.phone() != null) {
            json.writeStringField("phone", officer.phone());
        }
        json.writeEndObject();
    }
}
