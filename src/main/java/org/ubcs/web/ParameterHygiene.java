package org.ubcs.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.text.TextHygiene;

/**
 * Query parameters are single lines of text the service can store and compare, as body text is (TextHygiene), and
 * never empty: {@code ?kind=} is not "any kind" but a value nobody can be sure of, so it is refused rather than read
 * as no filter (leave the parameter out for that).
 */
public class ParameterHygiene {

    @ServerRequestFilter
    public void refuseUnstorableText(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = value.isEmpty() ? "must not be empty; leave the parameter out instead"
                        : TextHygiene.problem(value, false);
                if (problem != null) {
                    throw ProblemException.invalid(List.of(FieldError.parameter(parameter.getKey(), problem)));
                }
            }
        }
    }
}
