package org.ubcs.web;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/** Links returned to clients: relative to the service, so they work behind any proxy. */
public final class Links {

    private Links() {
    }

    /** The request's own address with the cursor replaced, or null when there is no next page. */
    public static String next(UriInfo uri, String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build();
        return next.getRawQuery() == null ? next.getRawPath() : next.getRawPath() + "?" + next.getRawQuery();
    }

    public static URI location(String path) {
        return URI.create(path);
    }
}
