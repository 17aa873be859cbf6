package org.ubcs.problem;

import jakarta.ws.rs.BadRequestException;

/** A parameter value that does not fit its type, and what was expected of it. */
public class UnreadableParameterException extends BadRequestException {

    private final String value;
    private final String expectation;

    public UnreadableParameterException(String value, String expectation) {
        super(expectation);
        this.value = value;
        this.expectation = expectation;
    }

    public String value() {
        return value;
    }

    public String expectation() {
        return expectation;
    }
}
