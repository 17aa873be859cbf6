package org.ubcs.register.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;
import org.ubcs.register.domain.RegisterViewEntity;
import org.ubcs.security.Actor;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RegisterViewRepository implements PanacheRepositoryBase<RegisterViewEntity, UUID> {

    /** Records, in the caller's transaction, that the actor read the entry, how and why. */
    public Uni<Void> log(UUID entryId, Actor viewer, RegisterViewPurpose purpose, RegisterViewVia via, Instant at) {
        RegisterViewEntity view = new RegisterViewEntity();
        view.id = UUID.randomUUID();
        view.entryId = entryId;
        view.viewerSubject = viewer.subject();
        view.viewerName = viewer.name();
        view.purpose = purpose;
        view.via = via;
        view.viewedAt = at;
        return persist(view).replaceWithVoid();
    }

    public Uni<List<RegisterViewEntity>> page(UUID entryId, String viewer, Cursors.Key after, int limit) {
        return new PageQuery()
                .filter("entryId = :entryId", "entryId", entryId)
                .filter("viewerSubject = :viewer", "viewer", viewer)
                .list(this, "viewedAt", after, limit);
    }
}
