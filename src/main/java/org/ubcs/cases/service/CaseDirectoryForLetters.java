package org.ubcs.cases.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.letter.service.CaseDirectory;

import io.smallrye.mutiny.Uni;

/** Tells the letters capability which cases exist and whose they are. */
@ApplicationScoped
public class CaseDirectoryForLetters implements CaseDirectory {

    @Inject
    CaseService cases;

    @Override
    public Uni<UUID> customerOf(UUID caseId) {
        return cases.findOrNull(caseId).map(kase -> kase == null ? null : kase.customerId);
    }

    @Override
    public Uni<Map<UUID, UUID>> customersOf(Collection<UUID> caseIds) {
        return cases.customersOf(caseIds);
    }
}
