package org.ubcs.security;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ubcs.text.TextHygiene;

/**
 * The one reading of the acting user from a verified token, and the one rule for whether it can be recorded. The
 * subject is the {@code sub} claim; the name is the {@code name} claim, or when there is none the token's principal
 * name ({@code upn}, else {@code preferred_username}, else {@code sub}). Both are stored with every change, in columns
 * of 255 characters, so each must be text of at most {@value #MAX_LENGTH} code points, on one line, without control
 * characters or unpaired surrogates, and with something visible in it: the rule {@link TextHygiene} applies to every
 * other text the service accepts.
 */
final class ActorClaims {

    /** The longest subject or name, in code points (PostgreSQL's {@code varchar(255)} counts characters). */
    static final int MAX_LENGTH = 255;

    static final String NAME = "name";

    private ActorClaims() {
    }

    /** The actor a token names. Only for tokens {@link #problem} found nothing wrong with. */
    static Actor actor(JsonWebToken token) {
        Object name = token.getClaim(NAME);
        return new Actor((String) token.getClaim(Claims.sub.name()), name != null ? (String) name : token.getName());
    }

    /**
     * Why the actor this token names cannot be recorded, or null when it can. The reason names the claim, never its
     * value: claims are personal data, and the reason may reach a debug log.
     */
    static String problem(JsonWebToken token) {
        Actor actor;
        try {
            actor = actor(token);
        } catch (ClassCastException e) {
            return "a claim that names the user (sub, name, upn or preferred_username) is not a string";
        }
        String subject = problem(actor.subject());
        if (subject != null) {
            return "the sub claim " + subject;
        }
        String name = problem(actor.name());
        if (name != null) {
            return (token.getClaim(NAME) != null ? "the name claim " : "the claim the user's name is read from ")
                    + name;
        }
        return null;
    }

    private static String problem(String value) {
        if (value == null) {
            return "is missing";
        }
        if (TextHygiene.length(value) > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        String hygiene = TextHygiene.problem(value, false);
        if (hygiene != null) {
            return hygiene;
        }
        if (TextHygiene.isBlank(value)) {
            return "must contain something visible";
        }
        return null;
    }
}
