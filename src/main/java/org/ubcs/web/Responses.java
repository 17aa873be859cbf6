package org.ubcs.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** The shapes of successful answers, so every resource sets Location and ETag the same way. */
public final class Responses {

    private Responses() {
    }

    public static Response created(Created created) {
        Response.ResponseBuilder builder = Response.created(Links.location(created.location()))
                .type(MediaType.APPLICATION_JSON_TYPE).entity(created.body());
        return created.etag() == null ? builder.build() : builder.header(HttpHeaders.ETAG, created.etag()).build();
    }

    /** The answer to a non-creating request recorded under an Idempotency-Key, as first given. */
    public static Response ok(Created answer) {
        return Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).header(HttpHeaders.ETAG, ETags.of(version)).build();
    }
}
