package org.ubcs.customer.repository;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.customer.domain.CustomerEntity;
import org.ubcs.customer.domain.CustomerSearch;
import org.ubcs.paging.Cursors;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, UUID> {

    public Uni<List<CustomerEntity>> search(CustomerSearch search, Cursors.Key after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (search.name() != null) {
            where.append(" and lower(fullName) like :name escape '\\'");
            parameters.and("name", contains(search.name().toLowerCase(Locale.ROOT)));
        }
        if (search.email() != null) {
            where.append(" and lower(email) like :email escape '\\'");
            parameters.and("email", contains(search.email().toLowerCase(Locale.ROOT)));
        }
        if (search.phone() != null) {
            where.append(" and phoneDigits like :phone escape '\\'");
            parameters.and("phone", contains(CustomerEntity.digits(search.phone())));
        }
        if (search.postcode() != null) {
            where.append(" and postcodeKey like :postcode escape '\\'");
            parameters.and("postcode", contains(CustomerEntity.postcodeKey(search.postcode())));
        }
        if (after != null) {
            where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
            parameters.and("at", after.at()).and("id", after.id());
        }
        return find(where + " order by createdAt, id", parameters).page(0, limit).list();
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
