package org.ubcs.api.page;

/**
 * What every page of a list answers besides its items: the next page as a link and as the cursor to pass back. Each
 * {@code *Page} schema of the contract names this interface in {@code x-implements}, so the generated page models
 * carry it and {@code org.ubcs.web.Links#page} fills both for every list in one place. Hand-written, but it lives
 * with the generated models: they depend on it, and nothing here may depend on the service's own packages.
 */
public interface PageBody {

    void setNext(String next);

    void setNextCursor(String nextCursor);
}
