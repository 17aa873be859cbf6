package org.ubcs.register.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;
import org.ubcs.register.domain.LookupAnswer;
import org.ubcs.register.domain.LookupAnswerJson;
import org.ubcs.register.domain.LookupKeys;
import org.ubcs.security.Actor;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The lookup's read model, on the path of every visit and call: one prepared query finds the entries in force that
 * any key leads to, straight through the reactive client (no ORM session), and one batch writes their views. The
 * columns are the ones {@code RegisterEntryEntity} writes.
 */
@ApplicationScoped
public class RegisterLookupRepository {

    /** An entry in force that a lookup found, with the keys it is found by (to say which matched). */
    public record Found(UUID entryId, LookupAnswer answer, UUID customerId, String postcodeKey, String addressKey,
            String uprn, String nameKey, java.time.LocalDate dateOfBirth) {
    }

    private static final String IN_FORCE = "select id, lookup, customer_id, postcode_key, address_key, uprn, name_key, "
            + "date_of_birth from register_entry where state = 'APPROVED' and (";

    @Inject
    Pool pool;

    public Uni<List<Found>> inForce(LookupKeys keys) {
        // Each key is a condition only when asked, so that every one the query holds can use its index.
        List<String> conditions = new ArrayList<>();
        Tuple parameters = Tuple.tuple();
        if (keys.postcodeKey() != null) {
            parameters.addValue(keys.postcodeKey());
            conditions.add("postcode_key = $" + parameters.size());
        }
        if (keys.addressKey() != null) {
            parameters.addValue(keys.addressKey().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            conditions.add("address_key like $" + parameters.size());
        }
        if (keys.uprn() != null) {
            parameters.addValue(keys.uprn());
            conditions.add("uprn = $" + parameters.size());
        }
        if (keys.customerId() != null) {
            parameters.addValue(keys.customerId());
            conditions.add("customer_id = $" + parameters.size());
        }
        if (keys.nameKey() != null) {
            parameters.addValue(keys.nameKey()).addValue(keys.dateOfBirth());
            conditions.add("(name_key = $" + (parameters.size() - 1) + " and date_of_birth = $" + parameters.size()
                    + ")");
        }
        return pool.preparedQuery(IN_FORCE + String.join(" or ", conditions) + ") order by created_at, id")
                .execute(parameters).map(rows -> {
                    List<Found> found = new ArrayList<>();
                    for (Row row : rows) {
                        found.add(new Found(row.getUUID("id"), LookupAnswerJson.read(row.getString("lookup")),
                                row.getUUID("customer_id"), row.getString("postcode_key"),
                                row.getString("address_key"), row.getString("uprn"), row.getString("name_key"),
                                row.getLocalDate("date_of_birth")));
                    }
                    return found;
                });
    }

    /** Records that the actor saw these entries, how and why. */
    public Uni<Void> logViews(List<UUID> entryIds, Actor viewer, RegisterViewPurpose purpose, RegisterViewVia via,
            Instant at) {
        if (entryIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = entryIds.stream().map(entry -> Tuple.tuple().addValue(UUID.randomUUID()).addValue(entry)
                .addValue(viewer.subject()).addValue(viewer.name()).addValue(purpose.name()).addValue(via.name())
                .addValue(at.atOffset(ZoneOffset.UTC))).toList();
        return pool.preparedQuery("insert into register_view (id, entry_id, viewer_subject, viewer_name, purpose, via, "
                + "viewed_at) values ($1, $2, $3, $4, $5, $6, $7)").executeBatch(rows).replaceWithVoid();
    }
}
