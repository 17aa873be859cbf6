package org.ubcs.calendar.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ubcs.api.model.HolidayRegion;
import org.ubcs.calendar.domain.CalendarOverrideEntity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CalendarOverrideRepository implements PanacheRepositoryBase<CalendarOverrideEntity, UUID> {

    public Uni<List<CalendarOverrideEntity>> inRegion(HolidayRegion region) {
        return list("region = ?1 order by date", region);
    }

    public Uni<List<CalendarOverrideEntity>> all() {
        return list("order by createdAt, id");
    }
}
