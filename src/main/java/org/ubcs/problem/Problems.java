package org.ubcs.problem;

import java.net.URI;

import org.ubcs.api.model.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one way to make a problem document: {@link ProblemMappers} answers JAX-RS failures with it, and the HTTP layer
 * ({@code org.ubcs.web.RequestLimits}) writes the same document for requests refused before JAX-RS sees them.
 */
public final class Problems {

    private Problems() {
    }

    /** A problem of this type, its detail and the request path it is about; no errors, steps or rule. */
    public static Problem of(ProblemType type, String detail, String instance) {
        Problem problem = new Problem(URI.create(type.uri()), type.title(), type.status());
        problem.setDetail(detail);
        problem.setInstance(instance);
        problem.setErrors(null); // the generated model starts with empty lists; absent reads better
        problem.setAllowedSteps(null);
        return problem;
    }

    /**
     * The problem as JSON, written by the application's ObjectMapper (the one Quarkus REST uses, so the settings that
     * shape every other problem, such as leaving out nulls, apply here too).
     */
    public static String json(ObjectMapper mapper, Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }
}
