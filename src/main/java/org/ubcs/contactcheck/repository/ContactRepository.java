package org.ubcs.contactcheck.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.contactcheck.domain.ContactEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<ContactEntity, UUID> {
}
