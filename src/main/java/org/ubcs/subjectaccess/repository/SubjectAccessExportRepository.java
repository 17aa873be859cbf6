package org.ubcs.subjectaccess.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.subjectaccess.domain.SubjectAccessExportEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SubjectAccessExportRepository implements PanacheRepositoryBase<SubjectAccessExportEntity, UUID> {
}
