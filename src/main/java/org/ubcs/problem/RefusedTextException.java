package org.ubcs.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** Text in a body that the service refuses, and why; Jackson adds the path to the field, so the problem can point at it. */
public class RefusedTextException extends JsonMappingException {

    private final String reason;

    public RefusedTextException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
