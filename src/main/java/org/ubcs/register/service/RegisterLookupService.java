package org.ubcs.register.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.RegisterMatchedBy;
import org.ubcs.api.model.RegisterViewPurpose;
import org.ubcs.api.model.RegisterViewVia;
import org.ubcs.identifiers.Identifiers;
import org.ubcs.identifiers.Recognised;
import org.ubcs.register.domain.LookupAnswer;
import org.ubcs.register.domain.LookupKeys;
import org.ubcs.register.domain.LookupQuery;
import org.ubcs.register.repository.RegisterLookupRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.vertx.core.Future;

/**
 * Whether precautions apply before a visit, a meeting or a call, and which: the entries in force that anything given
 * leads to, answered without their incidents, and every one logged as a view before it is answered.
 */
@ApplicationScoped
public class RegisterLookupService {

    /** An entry in force that the lookup found, what led to it, and what staff are told of it. */
    public record Match(UUID entryId, List<RegisterMatchedBy> matchedBy, LookupAnswer answer) {
    }

    @Inject
    RegisterLookupRepository repository;

    @Inject
    RegisterService register;

    @Inject
    LondonClock clock;

    @Inject
    RegisterMetrics metrics;

    /** 400 naming each field that cannot be read, or when nothing is given to look up. */
    public static LookupKeys keys(LookupQuery query) {
        Recognised read = new Recognised();
        String postcodeKey = read.postcodeKey(query.postcode(), "/postcode");
        String addressKey = read.addressKey(query.address(), "/address");
        String uprn = read.uprnKey(query.uprn(), "/uprn");
        String nameKey = query.fullName() == null ? null : Identifiers.nameKey(query.fullName());
        if (query.fullName() != null && nameKey == null) {
            read.refuse("/fullName", "has no name in it");
        }
        if (query.fullName() != null && query.dateOfBirth() == null) {
            read.refuse("/dateOfBirth", "is required with fullName: a name alone is not enough to find a person");
        }
        if (query.dateOfBirth() != null && query.fullName() == null) {
            read.refuse("/fullName", "is required with dateOfBirth");
        }
        if (query.postcode() == null && query.address() == null && query.uprn() == null && query.customerId() == null
                && query.fullName() == null && query.dateOfBirth() == null) {
            read.refuse("", "give a postcode, an address, a UPRN, a customerId, or a fullName with a dateOfBirth");
        }
        read.orRefuse();
        return new LookupKeys(postcodeKey, addressKey, uprn, query.customerId(), nameKey, query.dateOfBirth());
    }

    /** The entries in force that the keys lead to, each logged as a view by the actor, for the purpose and way given. */
    public Future<List<Match>> lookUp(Actor actor, LookupKeys keys, RegisterViewPurpose purpose, RegisterViewVia via) {
        register.settings();
        return logged(repository.inForce(keys), keys, actor, purpose, via);
    }

    /**
     * The entries in force about one person or their home ({@link RegisterLookupRepository#about}: never a whole
     * postcode), each logged as a view by the actor, for the purpose and way given.
     */
    public Future<List<Match>> about(Actor actor, LookupKeys keys, RegisterViewPurpose purpose, RegisterViewVia via) {
        register.settings();
        return logged(repository.about(keys), keys, actor, purpose, via);
    }

    private Future<List<Match>> logged(Future<List<RegisterLookupRepository.Found>> query, LookupKeys keys,
            Actor actor, RegisterViewPurpose purpose, RegisterViewVia via) {
        return query.compose(found -> {
            List<Match> matches = found.stream().map(entry -> new Match(entry.entryId(), matchedBy(keys, entry),
                    entry.answer())).toList();
            return repository.logViews(matches.stream().map(Match::entryId).toList(), actor, purpose, via, clock.now())
                    .map(logged -> {
                        metrics.lookedUp(purpose);
                        return matches;
                    });
        });
    }

    private static List<RegisterMatchedBy> matchedBy(LookupKeys keys, RegisterLookupRepository.Found entry) {
        List<RegisterMatchedBy> by = new ArrayList<>();
        if (keys.postcodeKey() != null && keys.postcodeKey().equals(entry.postcodeKey())) {
            by.add(RegisterMatchedBy.POSTCODE);
        }
        if (keys.addressKey() != null && entry.addressKey() != null && entry.addressKey().startsWith(keys.addressKey())) {
            by.add(RegisterMatchedBy.ADDRESS);
        }
        if (keys.uprn() != null && keys.uprn().equals(entry.uprn())) {
            by.add(RegisterMatchedBy.UPRN);
        }
        if (keys.customerId() != null && keys.customerId().equals(entry.customerId())) {
            by.add(RegisterMatchedBy.CUSTOMER);
        }
        if (keys.nameKey() != null && keys.nameKey().equals(entry.nameKey()) && keys.dateOfBirth() != null
                && keys.dateOfBirth().equals(entry.dateOfBirth())) {
            by.add(RegisterMatchedBy.NAME_AND_DATE_OF_BIRTH);
        }
        return by;
    }
}
