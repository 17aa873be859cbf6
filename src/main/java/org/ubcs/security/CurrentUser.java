package org.ubcs.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The acting user of the current request, read from the verified token. Verification ({@link VerifiedTokenCache})
 * has already refused any token whose actor could not be recorded, so what this returns can be stored as it is.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken token;

    public Actor actor() {
        return ActorClaims.actor(token);
    }
}
