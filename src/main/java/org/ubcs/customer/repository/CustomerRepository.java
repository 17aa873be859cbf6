package org.ubcs.customer.repository;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.customer.domain.CustomerEntity;
import org.ubcs.customer.domain.CustomerSearch;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, UUID> {

    public Uni<List<CustomerEntity>> search(CustomerSearch search, Cursors.Key after, int limit) {
        return new PageQuery()
                .filter("lower(fullName) like :name escape '\\'", "name",
                        search.name() == null ? null : contains(search.name().toLowerCase(Locale.ROOT)))
                .filter("lower(email) like :email escape '\\'", "email",
                        search.email() == null ? null : contains(search.email().toLowerCase(Locale.ROOT)))
                .filter("phoneDigits like :phone escape '\\'", "phone",
                        search.phone() == null ? null : contains(CustomerEntity.digits(search.phone())))
                .filter("postcodeKey like :postcode escape '\\'", "postcode",
                        search.postcode() == null ? null : contains(CustomerEntity.postcodeKey(search.postcode())))
                .list(this, "createdAt", after, limit);
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
