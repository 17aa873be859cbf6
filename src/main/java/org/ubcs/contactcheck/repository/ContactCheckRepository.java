package org.ubcs.contactcheck.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.RestrictionScope;
import org.ubcs.contactcheck.domain.Candidate;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.domain.Identification;
import org.ubcs.restriction.domain.TermsJson;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The contact check's read model, on the hot path: one prepared query finds the customer and the restrictions in force
 * for them, straight through the reactive client (no ORM session), and a second counts contacts only when a cap
 * applies. The columns it reads are the ones {@code RestrictionEntity} writes.
 */
@ApplicationScoped
public class ContactCheckRepository {

    private static final String IN_FORCE = "select c.id as customer_id, r.id, r.case_id, r.scope, r.terms "
            + "from customer c left join restriction r on r.customer_id = c.id and not r.lifted "
            + "and r.starts_on <= $2 and (r.effective_until is null or r.effective_until >= $2) where ";

    @Inject
    Pool pool;

    public Uni<List<Candidate>> candidates(Identification who, LocalDate day) {
        if (who.customerId() != null) {
            return query(IN_FORCE + "c.id = $1", Tuple.of(who.customerId(), day));
        }
        if (who.email() != null) {
            return query(IN_FORCE + "lower(c.email) = lower($1)", Tuple.of(who.email(), day));
        }
        if (who.phoneDigits() != null) {
            return query(IN_FORCE + "c.phone_digits = $1", Tuple.of(who.phoneDigits(), day));
        }
        return query(IN_FORCE + "c.postcode_key = $3 and lower(c.full_name) = lower($1)",
                Tuple.of(who.fullName(), day, who.postcodeKey()));
    }

    public Uni<Integer> contactsSince(UUID customerId, Instant since) {
        return pool.preparedQuery("select count(*) from contact where customer_id = $1 and occurred_at >= $2")
                .execute(Tuple.of(customerId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private Uni<List<Candidate>> query(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            Map<UUID, List<ContactRules.InForce>> byCustomer = new LinkedHashMap<>();
            for (Row row : rows) {
                List<ContactRules.InForce> inForce = byCustomer.computeIfAbsent(row.getUUID("customer_id"),
                        id -> new ArrayList<>());
                if (row.getUUID("id") != null) {
                    inForce.add(new ContactRules.InForce(row.getUUID("id"), row.getUUID("case_id"),
                            RestrictionScope.valueOf(row.getString("scope")), TermsJson.read(row.getString("terms"))));
                }
            }
            return byCustomer.entrySet().stream().map(e -> new Candidate(e.getKey(), e.getValue())).toList();
        });
    }
}
