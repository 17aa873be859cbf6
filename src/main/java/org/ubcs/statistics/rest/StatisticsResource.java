package org.ubcs.statistics.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.StatisticsApi;
import org.ubcs.api.model.Statistics;
import org.ubcs.security.Roles;
import org.ubcs.statistics.domain.StatisticsPeriod;
import org.ubcs.statistics.mapping.StatisticsCsv;
import org.ubcs.statistics.mapping.StatisticsMapper;
import org.ubcs.statistics.service.StatisticsService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class StatisticsResource implements StatisticsApi {

    static final MediaType CSV = new MediaType("text", "csv", "utf-8");

    @Inject
    StatisticsService service;

    @Inject
    ObjectMapper json;

    @Context
    HttpHeaders headers;

    @Override
    @RolesAllowed({ Roles.POLICY_OWNER, Roles.AUDITOR })
    public Uni<Response> getStatistics(LocalDate from, LocalDate to, String department) {
        boolean csv = wantsCsv();
        return service.figures(new StatisticsPeriod(from, to, department)).map(figures -> {
            Statistics statistics = StatisticsMapper.toApi(figures, service.suppression());
            return csv ? Response.ok(StatisticsCsv.write(statistics, json), CSV).build()
                    : Response.ok(statistics, MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    /**
     * The first acceptable type, in the client's order of preference, that this resource serves: JSON for
     * {@code application/json}, {@code application/*} or {@code *}{@code /*} (no Accept), CSV for {@code text/csv}
     * or {@code text/*}.
     */
    private boolean wantsCsv() {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
        }
        throw new NotAcceptableException();
    }
}
