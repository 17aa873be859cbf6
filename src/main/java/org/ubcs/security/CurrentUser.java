package org.ubcs.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The acting user of the current request, read from the verified token. */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    public Actor actor() {
        String name = token.getClaim("name");
        return new Actor(token.getSubject(), name != null ? name : token.getName());
    }
}
