package org.ubcs.subjectaccess.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.ubcs.api.SubjectAccessApi;
import org.ubcs.api.model.SubjectAccessExportInput;
import org.ubcs.problem.ProblemException;
import org.ubcs.problem.ProblemType;
import org.ubcs.security.CurrentUser;
import org.ubcs.security.Roles;
import org.ubcs.subjectaccess.mapping.SubjectAccessMapper;
import org.ubcs.subjectaccess.mapping.SubjectAccessPage;
import org.ubcs.subjectaccess.service.SubjectAccessService;
import org.ubcs.subjectaccess.service.SubjectAccessService.Format;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SubjectAccessResource implements SubjectAccessApi {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    SubjectAccessService service;

    @Inject
    SubjectAccessMapper mapper;

    @Inject
    SubjectAccessPage page;

    @Inject
    CurrentUser user;

    @Context
    HttpHeaders headers;

    @Override
    @RolesAllowed({ Roles.LEGAL, Roles.POLICY_OWNER })
    public Uni<Response> exportSubjectAccess(UUID customerId, SubjectAccessExportInput input) {
        Format format = format(headers.getAcceptableMediaTypes());
        return service.export(user.actor(), customerId, input.getReason(), format).map(holdings -> {
            SubjectAccessMapper.Document document = mapper.toApi(holdings);
            return format == Format.HTML
                    ? Response.ok(page.render(document.export(), document.tree()), HTML).build()
                    : Response.ok(document.export(), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    /** The first acceptable of JSON and HTML, in the client's order of preference (JSON when either will do). */
    static Format format(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return Format.HTML;
            }
        }
        throw ProblemException.of(ProblemType.NOT_ACCEPTABLE,
                "This resource is available as application/json or text/html.");
    }
}
