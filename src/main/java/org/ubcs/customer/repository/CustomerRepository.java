package org.ubcs.customer.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.customer.domain.CustomerAddressee;
import org.ubcs.customer.domain.CustomerEntity;
import org.ubcs.customer.domain.CustomerSearch;
import org.ubcs.identifiers.Identifiers;
import org.ubcs.paging.Cursors;
import org.ubcs.paging.PageQuery;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, UUID> {

    public Uni<List<CustomerEntity>> search(CustomerSearch search, Cursors.Key after, int limit) {
        // Each criterion is folded as the stored keys are (Identifiers), so case, spacing and format never hide a match.
        return new PageQuery()
                .filter("nameKey like :name escape '\\'", "name",
                        search.name() == null ? null : contains(Identifiers.nameKey(search.name())))
                .filter("emailKey like :email escape '\\'", "email",
                        search.email() == null ? null : contains(Identifiers.emailFragment(search.email())))
                .filter("phone like :phone escape '\\'", "phone",
                        search.phone() == null ? null : contains(Identifiers.phoneFragment(search.phone())))
                .filter("postcodeKey like :postcode escape '\\'", "postcode",
                        search.postcode() == null ? null : contains(Identifiers.postcodeFragment(search.postcode())))
                .list(this, "createdAt", after, limit);
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The name and address of each of these customers that exists; no customer is loaded. */
    public Uni<List<CustomerAddressee>> addressees(java.util.Collection<UUID> ids) {
        return getSession().flatMap(session -> session.createSelectionQuery("select new "
                + CustomerAddressee.class.getName() + "(c.id, c.fullName, c.addressLine1, c.addressLine2, c.town, "
                + "c.postcode) from CustomerEntity c where c.id in :ids", CustomerAddressee.class)
                .setParameter("ids", ids).getResultList());
    }
}
