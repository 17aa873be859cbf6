package org.ubcs.register.mapping;

import static org.ubcs.web.ApiValues.actor;
import static org.ubcs.web.ApiValues.time;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.Address;
import org.ubcs.api.model.RegisterAppliesTo;
import org.ubcs.api.model.RegisterCommunication;
import org.ubcs.api.model.RegisterEntry;
import org.ubcs.api.model.RegisterEntryContent;
import org.ubcs.api.model.RegisterEntrySummary;
import org.ubcs.api.model.RegisterIncident;
import org.ubcs.api.model.RegisterLookupInput;
import org.ubcs.api.model.RegisterMatch;
import org.ubcs.api.model.RegisterPerson;
import org.ubcs.api.model.RegisterPrecautionView;
import org.ubcs.api.model.RegisterProperty;
import org.ubcs.api.model.RegisterRemoval;
import org.ubcs.api.model.RegisterRestrictionInForce;
import org.ubcs.api.model.RegisterTelling;
import org.ubcs.api.model.RegisterTellingInput;
import org.ubcs.api.model.RegisterVersion;
import org.ubcs.api.model.RegisterView;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.register.domain.EntryContent;
import org.ubcs.register.domain.LookupAnswer;
import org.ubcs.register.domain.LookupQuery;
import org.ubcs.register.domain.RegisterEntryEntity;
import org.ubcs.register.domain.RegisterProcedure;
import org.ubcs.register.domain.RegisterVersionEntity;
import org.ubcs.register.domain.RegisterViewEntity;
import org.ubcs.register.domain.TellingDraft;
import org.ubcs.register.service.RegisterLookupService;
import org.ubcs.register.service.RegisterService;

/** Between the contract's register schemas and the register's own records. */
@ApplicationScoped
public class RegisterMapper {

    @Inject
    ActivePolicy policy;

    public EntryContent toContent(RegisterEntryContent api) {
        RegisterPerson p = api.getPerson();
        RegisterProperty property = api.getProperty();
        return new EntryContent(
                p == null ? null : new EntryContent.Person(p.getCustomerId(), p.getFullName(), p.getDateOfBirth(),
                        p.getConnection()),
                property == null ? null : new EntryContent.Property(new EntryContent.Address(
                        property.getAddress().getLine1(), property.getAddress().getLine2(),
                        property.getAddress().getTown(), property.getAddress().getPostcode()), property.getUprn()),
                api.getIncidents().stream().map(i -> new EntryContent.Incident(i.getOccurredOn(), i.getWhatHappened(),
                        i.getWitnessedBy(), i.getSource(), i.getCaseId(), i.getEvidenceEntryId())).toList(),
                api.getRiskLevel(),
                api.getPrecautions().stream().map(c -> new EntryContent.Precaution(c.getCode(), c.getNote())).toList(),
                new EntryContent.Communication(List.copyOf(api.getCommunication().getChannels()),
                        api.getCommunication().getArrangements()));
    }

    public TellingDraft toDraft(RegisterTellingInput api) {
        return new TellingDraft(api.getTold(), api.getToldOn(), api.getChannel(), api.getNotToldReason(),
                api.getNote());
    }

    public LookupQuery toQuery(RegisterLookupInput api) {
        return new LookupQuery(api.getPostcode(), api.getAddress(), api.getUprn(), api.getCustomerId(),
                api.getFullName(), api.getDateOfBirth());
    }

    public RegisterEntry toApi(RegisterService.EntryView view) {
        RegisterEntryEntity e = view.entry();
        RegisterEntry api = new RegisterEntry(e.id, e.state,
                view.restrictionsInForce().stream().map(r -> {
                    RegisterRestrictionInForce restriction = new RegisterRestrictionInForce(r.id, r.type);
                    restriction.setCaseId(r.caseId);
                    return restriction;
                }).toList(),
                RegisterProcedure.allowed(e), actor(e.createdBySubject, e.createdByName), time(e.createdAt),
                time(e.updatedAt));
        if (view.inForce() != null) {
            api.setInForce(toApi(view.inForce()));
        }
        if (view.pending() != null) {
            api.setPendingDraft(toApi(view.pending()));
        }
        if (e.telling != null) {
            var t = e.telling;
            RegisterTelling telling = new RegisterTelling(t.told(), actor(t.recordedBy()), time(t.recordedAt()));
            telling.setToldOn(t.toldOn());
            telling.setChannel(t.channel());
            telling.setLetterId(t.letterId());
            telling.setAppealBy(t.appealBy());
            telling.setNotToldReason(t.notToldReason());
            telling.setNote(t.note());
            api.setTelling(telling);
        }
        api.setNextReviewOn(e.nextReviewOn);
        if (e.removal != null) {
            RegisterRemoval removal = new RegisterRemoval(e.removal.reason(), e.removal.removedOn(),
                    actor(e.removal.removedBy()));
            removal.setNotes(e.removal.notes());
            api.setRemoval(removal);
        }
        return api;
    }

    public RegisterVersion toApi(RegisterVersionEntity v) {
        EntryContent c = v.content;
        RegisterVersion api = new RegisterVersion(v.number, v.state,
                c.incidents().stream().map(RegisterMapper::toApi).toList(), c.riskLevel(),
                c.precautions().stream().map(p -> precaution(p.code(), p.note())).toList(),
                toApi(c.communication()), actor(v.authoredBySubject, v.authoredByName), time(v.authoredAt));
        if (c.person() != null) {
            RegisterPerson person = new RegisterPerson();
            person.setCustomerId(c.person().customerId());
            person.setFullName(c.person().fullName());
            person.setDateOfBirth(c.person().dateOfBirth());
            person.setConnection(c.person().connection());
            api.setPerson(person);
        }
        if (c.property() != null) {
            EntryContent.Address a = c.property().address();
            Address address = new Address(a.line1(), a.postcode());
            address.setLine2(a.line2());
            address.setTown(a.town());
            RegisterProperty property = new RegisterProperty(address);
            property.setUprn(c.property().uprn());
            api.setProperty(property);
        }
        if (v.approvedAt != null) {
            api.setApprovedBy(actor(v.approvedBySubject, v.approvedByName));
            api.setApprovedAt(time(v.approvedAt));
        }
        return api;
    }

    /** A list row: what the entry is about and its risk, from the version in force (else the draft). */
    public RegisterEntrySummary toSummary(Map.Entry<RegisterEntryEntity, RegisterVersionEntity> row) {
        RegisterEntryEntity e = row.getKey();
        EntryContent c = row.getValue().content;
        RegisterAppliesTo appliesTo = new RegisterAppliesTo();
        if (c.person() != null) {
            appliesTo.setCustomerId(c.person().customerId());
            appliesTo.setFullName(c.person().fullName());
        }
        if (c.property() != null) {
            appliesTo.setLine1(c.property().address().line1());
            appliesTo.setPostcode(c.property().address().postcode());
            appliesTo.setUprn(c.property().uprn());
        }
        RegisterEntrySummary api = new RegisterEntrySummary(e.id, e.state, appliesTo, time(e.createdAt));
        api.setRiskLevel(c.riskLevel());
        api.setNextReviewOn(e.nextReviewOn);
        return api;
    }

    public RegisterMatch toApi(RegisterLookupService.Match match) {
        LookupAnswer a = match.answer();
        RegisterAppliesTo appliesTo = new RegisterAppliesTo();
        appliesTo.setCustomerId(a.appliesTo().customerId());
        appliesTo.setFullName(a.appliesTo().fullName());
        appliesTo.setLine1(a.appliesTo().line1());
        appliesTo.setPostcode(a.appliesTo().postcode());
        appliesTo.setUprn(a.appliesTo().uprn());
        return new RegisterMatch(match.entryId(), match.matchedBy(), appliesTo, a.riskLevel(),
                a.precautions().stream().map(p -> {
                    RegisterPrecautionView view = new RegisterPrecautionView(p.code(), p.label());
                    view.setNote(p.note());
                    return view;
                }).toList(),
                toApi(a.communication()));
    }

    public RegisterView toApi(RegisterViewEntity v) {
        return new RegisterView(v.id, v.entryId, actor(v.viewerSubject, v.viewerName), v.purpose, v.via,
                time(v.viewedAt));
    }

    private RegisterPrecautionView precaution(String code, String note) {
        String label = policy.profile().register().flatMap(r -> r.labelOf(code)).orElse(code);
        RegisterPrecautionView view = new RegisterPrecautionView(code, label);
        view.setNote(note);
        return view;
    }

    private static RegisterIncident toApi(EntryContent.Incident i) {
        RegisterIncident api = new RegisterIncident(i.occurredOn(), i.whatHappened(), i.witnessedBy());
        api.setSource(i.source());
        api.setCaseId(i.caseId());
        api.setEvidenceEntryId(i.evidenceEntryId());
        return api;
    }

    private static RegisterCommunication toApi(EntryContent.Communication c) {
        Set<org.ubcs.api.model.Channel> channels = new LinkedHashSet<>(c.channels());
        RegisterCommunication api = new RegisterCommunication(channels);
        api.setArrangements(c.arrangements());
        return api;
    }
}
