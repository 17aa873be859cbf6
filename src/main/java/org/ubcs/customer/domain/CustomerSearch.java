package org.ubcs.customer.domain;

/** Criteria for a customer search: each one given narrows it; text is matched in part and ignoring case. */
public record CustomerSearch(String name, String email, String phone, String postcode) {
}
