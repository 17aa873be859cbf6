package org.ubcs.contactcheck.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.ubcs.api.model.Channel;
import org.ubcs.api.model.ContactVerdict;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A contact the customer made, recorded by a contact check; contacts count towards caps. */
@Entity
@Table(name = "contact")
public class ContactEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID customerId;
    public UUID caseId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public Instant occurredAt;
    public boolean newComplaint;
    @Enumerated(EnumType.STRING)
    public ContactVerdict verdict;
    public String recordedBySubject;
    public String recordedByName;
}
