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
import org.ubcs.contactcheck.domain.Matter;
import org.ubcs.restriction.domain.TermsJson;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The contact check's read model, on the hot path: one prepared query finds the customer (with what the register may
 * know them by), their cases and the restrictions in force for them, straight through the reactive client (no ORM
 * session), and a second counts contacts only when a cap applies. The columns it reads are the ones
 * {@code RestrictionEntity} and {@code CaseEntity} write.
 */
@ApplicationScoped
public class ContactCheckRepository {

    /**
     * A customer's restrictions in force on a day ($2): not lifted, started, not ended, and never those of a closed
     * case (closing a case lifts them; this keeps a closed case from deciding a check even if one was missed). The
     * customer's cases come in the same query, aggregated once per customer (a lateral subquery on the
     * policy_case_customer index), so a customer with several restrictions and several cases is still one row per
     * restriction; a closed case's matter is not read.
     */
    private static final String IN_FORCE = "select c.id as customer_id, c.name_key, c.postcode_key, c.address_line1, "
            + "m.case_ids, m.matters, m.closed, r.id, r.case_id, r.scope, r.terms "
            + "from customer c cross join lateral (select array_agg(k.id order by k.created_at, k.id) as case_ids, "
            + "array_agg(case when k.status = 'CLOSED' then null else k.matter end order by k.created_at, k.id) "
            + "as matters, array_agg(k.status = 'CLOSED' order by k.created_at, k.id) as closed "
            + "from policy_case k where k.customer_id = c.id) m "
            + "left join restriction r on r.customer_id = c.id and not r.lifted "
            + "and r.starts_on <= $2 and (r.effective_until is null or r.effective_until >= $2) "
            + "and (r.case_id is null or not exists (select 1 from policy_case k where k.id = r.case_id "
            + "and k.status = 'CLOSED')) where ";

    @Inject
    Pool pool;

    /** Everyone any of the identifiers leads to (normally one person), with what is in force for them that day. */
    public Uni<List<Candidate>> candidates(Identification who, LocalDate day) {
        if (who.customerId() != null) {
            return query(IN_FORCE + "c.id = $1", Tuple.of(who.customerId(), day));
        }
        return query(IN_FORCE + "c.email_key = $1 or c.phone = $3 or (c.postcode_key = $4 and c.name_key = $5)",
                Tuple.of(who.emailKey(), day, who.phone(), who.postcodeKey(), who.nameKey()));
    }

    public Uni<Integer> contactsSince(UUID customerId, Instant since) {
        return pool.preparedQuery("select count(*) from contact where customer_id = $1 and occurred_at >= $2")
                .execute(Tuple.of(customerId, since.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private Uni<List<Candidate>> query(String sql, Tuple parameters) {
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            Map<UUID, Candidate> byCustomer = new LinkedHashMap<>();
            for (Row row : rows) {
                Candidate candidate = byCustomer.computeIfAbsent(row.getUUID("customer_id"), id -> new Candidate(id,
                        row.getString("name_key"), row.getString("postcode_key"), row.getString("address_line1"),
                        new ArrayList<>(), matters(row)));
                if (row.getUUID("id") != null) {
                    candidate.inForce().add(new ContactRules.InForce(row.getUUID("id"), row.getUUID("case_id"),
                            RestrictionScope.valueOf(row.getString("scope")), TermsJson.read(row.getString("terms"))));
                }
            }
            return List.copyOf(byCustomer.values());
        });
    }

    private static List<Matter> matters(Row row) {
        UUID[] ids = row.getArrayOfUUIDs("case_ids");
        if (ids == null) {
            return List.of();
        }
        String[] matters = row.getArrayOfStrings("matters");
        Boolean[] closed = row.getArrayOfBooleans("closed");
        List<Matter> all = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            all.add(new Matter(ids[i], matters[i], closed[i]));
        }
        return List.copyOf(all);
    }
}
