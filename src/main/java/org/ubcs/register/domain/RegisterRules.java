package org.ubcs.register.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ubcs.identifiers.Identifiers;
import org.ubcs.identifiers.Recognised;
import org.ubcs.policy.PolicyConfig;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.time.DateOrder;

/**
 * What an entry's content must be before it is kept: about a person, a property or both; facts dated no later than
 * today; a risk level and precautions from the profile's lists; identifiers readable in their normal form.
 */
public final class RegisterRules {

    private RegisterRules() {
    }

    /** The content with its postcode in normal form, or a refusal (400, then 422) naming what is wrong. */
    public static EntryContent check(EntryContent content, PolicyConfig.Register register, LocalDate today) {
        Recognised read = new Recognised();
        EntryContent.Person person = content.person();
        EntryContent.Property property = content.property();
        if (person == null && property == null) {
            read.refuse("/person", "give the person, the property, or both, the entry is about");
        }
        if (person != null && person.customerId() == null && person.fullName() == null) {
            read.refuse("/person", "give the customerId of a customer on record, or the person's fullName");
        }
        EntryContent.Property normalProperty = property == null ? null : new EntryContent.Property(
                new EntryContent.Address(property.address().line1(), property.address().line2(),
                        property.address().town(),
                        read.postcode(property.address().postcode(), "/property/address/postcode")),
                read.uprnKey(property.uprn(), "/property/uprn"));
        if (property != null) {
            read.addressKey(property.address().line1(), "/property/address/line1");
        }
        List<EntryContent.Incident> incidents = content.incidents();
        for (int i = 0; i < incidents.size(); i++) {
            EntryContent.Incident incident = incidents.get(i);
            if (incident.evidenceEntryId() != null && incident.caseId() == null) {
                read.refuse("/incidents/" + i + "/caseId", "is required with evidenceEntryId");
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < content.precautions().size(); i++) {
            if (!codes.add(content.precautions().get(i).code())) {
                read.refuse("/precautions/" + i + "/code", "is given twice");
            }
        }
        read.orRefuse();

        for (int i = 0; i < incidents.size(); i++) {
            DateOrder.happened("/incidents/" + i + "/occurredOn", incidents.get(i).occurredOn(), today);
        }
        if (person != null) {
            DateOrder.happened("/person/dateOfBirth", person.dateOfBirth(), today);
        }
        if (!register.riskLevels().contains(content.riskLevel())) {
            throw ProblemException.policyRule("UNKNOWN_RISK_LEVEL", "This council's risk scale is "
                    + register.riskLevels() + ".", List.of(FieldError.field("/riskLevel", "is not on the scale")));
        }
        for (int i = 0; i < content.precautions().size(); i++) {
            if (register.labelOf(content.precautions().get(i).code()).isEmpty()) {
                throw ProblemException.policyRule("UNKNOWN_PRECAUTION", "This council's precautions are "
                        + register.precautions().stream().map(PolicyConfig.Precaution::code).toList() + ".",
                        List.of(FieldError.field("/precautions/" + i + "/code", "is not on the profile's list")));
            }
        }
        return new EntryContent(person, normalProperty, incidents, content.riskLevel(), content.precautions(),
                content.communication());
    }

    /**
     * What a lookup answers for this content, and the keys it is found by, set on the entry. {@code customerName}
     * is the name of the customer on record the entry is about, if it is about one.
     */
    public static void putInForce(RegisterEntryEntity entry, EntryContent content, String customerName,
            PolicyConfig.Register register) {
        EntryContent.Person person = content.person();
        EntryContent.Address address = content.property() == null ? null : content.property().address();
        String fullName = person == null ? null : person.fullName() != null ? person.fullName() : customerName;
        entry.customerId = person == null ? null : person.customerId();
        entry.nameKey = Identifiers.nameKey(fullName);
        entry.dateOfBirth = person == null ? null : person.dateOfBirth();
        entry.postcodeKey = address == null ? null : Identifiers.postcodeKey(address.postcode());
        entry.addressKey = address == null ? null : Identifiers.addressKey(address.line1());
        entry.uprn = content.property() == null ? null : content.property().uprn();
        entry.lookup = new LookupAnswer(
                new LookupAnswer.AppliesTo(entry.customerId, fullName, address == null ? null : address.line1(),
                        address == null ? null : address.postcode(), entry.uprn),
                content.riskLevel(),
                content.precautions().stream().map(p -> new LookupAnswer.PrecautionView(p.code(),
                        register.labelOf(p.code()).orElse(p.code()), p.note())).toList(),
                content.communication());
    }
}
