package org.ubcs.security;

/** The user who takes an action, as their token names them; recorded on every change. */
public record Actor(String subject, String name) {
}
