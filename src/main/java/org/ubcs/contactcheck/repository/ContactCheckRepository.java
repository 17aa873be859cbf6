package org.ubcs.contactcheck.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.CapPeriod;
import org.ubcs.api.model.RestrictionScope;
import org.ubcs.contactcheck.domain.Candidate;
import org.ubcs.contactcheck.domain.ContactRules;
import org.ubcs.contactcheck.domain.Identification;
import org.ubcs.contactcheck.domain.Matter;
import org.ubcs.restriction.domain.Terms;
import org.ubcs.restriction.domain.TermsJson;
import org.ubcs.time.LondonClock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

/**
 * The contact check's read model, on the hot path: ONE prepared query finds the customer (with what the register may
 * know them by), their cases, the restrictions in force for them and, for a contact cap, the contacts made in its
 * period; straight through the reactive client, as a Vert.x {@link Future}: no ORM session, and no Mutiny operators
 * (each of which would capture and restore the request's context). The columns it reads are the ones
 * {@code RestrictionEntity} and {@code CaseEntity} write.
 */
@ApplicationScoped
public class ContactCheckRepository {

    /**
     * A customer's restrictions in force on a day ($2): not lifted, started, not ended, and never those of a closed
     * case (closing a case lifts them; this keeps a closed case from deciding a check even if one was missed). The
     * customer's cases come in the same query, aggregated once per customer (a lateral subquery on the
     * policy_case_customer index), so a customer with several restrictions and several cases is still one row per
     * restriction; a closed case's matter is not read. A contact cap's row also carries the customer's contacts since
     * the start of the week ($3) and of the month ($4) the contact falls in (on the contact_customer_time index);
     * other rows count nothing.
     */
    private static final String IN_FORCE = "select c.id as customer_id, c.name_key, c.postcode_key, c.address_line1, "
            + "m.case_ids, m.matters, m.closed, r.id, r.lock_version, r.case_id, r.scope, r.terms, "
            + "case when r.type = 'CONTACT_CAP' then (select array[count(*) filter (where t.occurred_at >= $3), "
            + "count(*) filter (where t.occurred_at >= $4)] from contact t where t.customer_id = c.id "
            + "and t.occurred_at >= least($3, $4)) end as contacts "
            + "from customer c cross join lateral (select array_agg(k.id order by k.created_at, k.id) as case_ids, "
            + "array_agg(case when k.status = 'CLOSED' then null else k.matter end order by k.created_at, k.id) "
            + "as matters, array_agg(k.status = 'CLOSED' order by k.created_at, k.id) as closed "
            + "from policy_case k where k.customer_id = c.id) m "
            + "left join restriction r on r.customer_id = c.id and not r.lifted "
            + "and r.starts_on <= $2 and (r.effective_until is null or r.effective_until >= $2) "
            + "and (r.case_id is null or not exists (select 1 from policy_case k where k.id = r.case_id "
            + "and k.status = 'CLOSED')) where ";

    /**
     * Restrictions whose terms are kept parsed: about 15 MB at most, and more than even a large council has in force
     * at once. Terms only change with the row's lock_version (every update bumps it, retention's too), so a
     * cached entry is checked against the version just read: every replica reads its answer from the database.
     */
    private static final int TERMS_CACHED = 50_000;

    private final Cache<UUID, ParsedTerms> parsed = Caffeine.newBuilder().maximumSize(TERMS_CACHED).build();

    private record ParsedTerms(long version, Terms terms) {
    }

    @Inject
    Pool pool;

    /**
     * Everyone any of the identifiers leads to (normally one person), with what is in force for them on the day of
     * {@code at} (London time), and their contacts in the cap periods {@code at} falls in.
     */
    public Future<List<Candidate>> candidates(Identification who, ZonedDateTime at) {
        LocalDate day = at.withZoneSameInstant(LondonClock.LONDON).toLocalDate();
        Instant week = ContactRules.periodStart(CapPeriod.WEEK, at);
        Instant month = ContactRules.periodStart(CapPeriod.MONTH, at);
        OffsetDateTime weekStart = week.atOffset(ZoneOffset.UTC);
        OffsetDateTime monthStart = month.atOffset(ZoneOffset.UTC);
        Future<RowSet<Row>> rows = who.customerId() != null
                ? pool.preparedQuery(IN_FORCE + "c.id = $1").execute(Tuple.of(who.customerId(), day, weekStart,
                        monthStart))
                : pool.preparedQuery(IN_FORCE + "c.email_key = $1 or c.phone = $5 or (c.postcode_key = $6 "
                        + "and c.name_key = $7)").execute(Tuple.from(new Object[] { who.emailKey(), day, weekStart,
                                monthStart, who.phone(), who.postcodeKey(), who.nameKey() }));
        return rows.map(result -> {
            Map<UUID, Candidate> byCustomer = new LinkedHashMap<>();
            for (Row row : result) {
                Candidate candidate = byCustomer.computeIfAbsent(row.getUUID("customer_id"), id -> new Candidate(id,
                        row.getString("name_key"), row.getString("postcode_key"), row.getString("address_line1"),
                        new ArrayList<>(), matters(row), new HashMap<>()));
                UUID id = row.getUUID("id");
                if (id == null) {
                    continue;
                }
                candidate.inForce().add(new ContactRules.InForce(id, row.getUUID("case_id"),
                        RestrictionScope.valueOf(row.getString("scope")),
                        terms(id, row.getLong("lock_version"), row.getString("terms"))));
                Long[] contacts = row.getArrayOfLongs("contacts");
                if (contacts != null) {
                    candidate.contactsSince().put(week, contacts[0].intValue());
                    candidate.contactsSince().put(month, contacts[1].intValue());
                }
            }
            return List.copyOf(byCustomer.values());
        });
    }

    private Terms terms(UUID restrictionId, long version, String json) {
        ParsedTerms known = parsed.getIfPresent(restrictionId);
        if (known == null || known.version() != version) {
            known = new ParsedTerms(version, TermsJson.read(json));
            parsed.put(restrictionId, known);
        }
        return known.terms();
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
