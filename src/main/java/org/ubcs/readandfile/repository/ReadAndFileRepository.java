package org.ubcs.readandfile.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.paging.Cursors;
import org.ubcs.readandfile.domain.ReadAndFileItemEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReadAndFileRepository implements PanacheRepositoryBase<ReadAndFileItemEntity, UUID> {

    /** The queue, oldest first; the cursor condition is a row comparison (an index condition, as in PageQuery). */
    public Uni<List<ReadAndFileItemEntity>> page(boolean screened, Cursors.Key after, int limit) {
        return after == null
                ? find("screened = ?1 order by receivedAt, id", screened).page(0, limit).list()
                : find("screened = ?1 and (receivedAt, id) > (?2, ?3) order by receivedAt, id",
                        screened, after.at(), after.id()).page(0, limit).list();
    }
}
