package org.ubcs.web;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

import org.ubcs.api.page.PageBody;
import org.ubcs.paging.Page;

/** Links returned to clients: relative to the service, so they work behind any proxy. */
public final class Links {

    private Links() {
    }

    /**
     * Completes a page's body: {@code nextCursor} for clients to pass back as {@code cursor}, and {@code next}, the
     * request's own address with that cursor; both absent on the last page. Every list answers through this.
     */
    public static <B extends PageBody> B page(B body, UriInfo uri, Page<?> page) {
        body.setNextCursor(page.nextCursor());
        body.setNext(next(uri, page.nextCursor()));
        return body;
    }

    /** The request's own address with the cursor replaced, or null when there is no next page. */
    private static String next(UriInfo uri, String nextCursor) {
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
