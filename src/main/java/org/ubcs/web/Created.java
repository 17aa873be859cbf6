package org.ubcs.web;

/** The answer to a create: where the new resource is, its ETag (may be null) and its JSON representation. */
public record Created(String location, String etag, String body) {
}
