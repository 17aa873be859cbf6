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

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The lookup's read model, on the path of every visit and call: one prepared query finds the entries in force that
 * any key leads to, straight through the reactive client (no ORM session), and one batch writes their views; as
 * Vert.x futures, like the contact check's (no Mutiny operator capturing the request's context at each step). The
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

    public Future<List<Found>> inForce(LookupKeys keys) {
        // Each key is a condition only when asked, so that every one the query holds can use its index.
        Where where = new Where();
        if (keys.postcodeKey() != null) {
            where.or("postcode_key = " + where.bind(keys.postcodeKey()));
        }
        if (keys.addressKey() != null) {
            where.or("address_key like " + where.bind(beginning(keys.addressKey())));
        }
        if (keys.uprn() != null) {
            where.or("uprn = " + where.bind(keys.uprn()));
        }
        if (keys.customerId() != null) {
            where.or("customer_id = " + where.bind(keys.customerId()));
        }
        if (keys.nameKey() != null) {
            where.or("(name_key = " + where.bind(keys.nameKey()) + " and date_of_birth = "
                    + where.bind(keys.dateOfBirth()) + ")");
        }
        return select(where);
    }

    /**
     * The entries in force about one person or their home, where a lookup's single keys would be too wide: the
     * customer; their name with their date of birth, or at their postcode; the first line of their address at their
     * postcode. A postcode alone (a street's worth of homes) or a name alone leads to nothing, and with nothing to
     * match there is no query.
     */
    public Future<List<Found>> about(LookupKeys keys) {
        Where where = new Where();
        if (keys.customerId() != null) {
            where.or("customer_id = " + where.bind(keys.customerId()));
        }
        // Bound once, and only when a condition uses it: PostgreSQL refuses a parameter it cannot type.
        String postcode = keys.postcodeKey() != null && (keys.nameKey() != null || keys.addressKey() != null)
                ? where.bind(keys.postcodeKey())
                : null;
        if (keys.nameKey() != null && (keys.dateOfBirth() != null || postcode != null)) {
            String name = where.bind(keys.nameKey());
            if (keys.dateOfBirth() != null) {
                where.or("(name_key = " + name + " and date_of_birth = " + where.bind(keys.dateOfBirth()) + ")");
            }
            if (postcode != null) {
                where.or("(name_key = " + name + " and postcode_key = " + postcode + ")");
            }
        }
        if (keys.addressKey() != null && postcode != null) {
            where.or("(postcode_key = " + postcode + " and address_key like " + where.bind(beginning(keys.addressKey()))
                    + ")");
        }
        return where.isEmpty() ? Future.succeededFuture(List.of()) : select(where);
    }

    /** A LIKE pattern for keys that begin with this one. */
    private static String beginning(String addressKey) {
        return addressKey.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Future<List<Found>> select(Where where) {
        return pool.preparedQuery(IN_FORCE + String.join(" or ", where.conditions) + ") order by created_at, id")
                .execute(where.parameters).map(rows -> {
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

    /** The conditions of a query, any of which finds an entry, and the parameters they bind. */
    private static final class Where {
        final List<String> conditions = new ArrayList<>();
        final Tuple parameters = Tuple.tuple();

        String bind(Object value) {
            parameters.addValue(value);
            return "$" + parameters.size();
        }

        void or(String condition) {
            conditions.add(condition);
        }

        boolean isEmpty() {
            return conditions.isEmpty();
        }
    }

    /** Records that the actor saw these entries, how and why. */
    public Future<Void> logViews(List<UUID> entryIds, Actor viewer, RegisterViewPurpose purpose, RegisterViewVia via,
            Instant at) {
        if (entryIds.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = entryIds.stream().map(entry -> Tuple.tuple().addValue(UUID.randomUUID()).addValue(entry)
                .addValue(viewer.subject()).addValue(viewer.name()).addValue(purpose.name()).addValue(via.name())
                .addValue(at.atOffset(ZoneOffset.UTC))).toList();
        return pool.preparedQuery("insert into register_view (id, entry_id, viewer_subject, viewer_name, purpose, via, "
                + "viewed_at) values ($1, $2, $3, $4, $5, $6, $7)").executeBatch(rows).mapEmpty();
    }
}
