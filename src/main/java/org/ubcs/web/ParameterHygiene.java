package org.ubcs.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.text.TextHygiene;

/** Query parameters are single lines of text the service can store and compare, as body text is (TextHygiene). */
public class ParameterHygiene {

    @ServerRequestFilter
    public void refuseUnstorableText(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = TextHygiene.problem(value, false);
                if (problem != null) {
                    throw ProblemException.invalid(List.of(FieldError.parameter(parameter.getKey(), problem)));
                }
            }
        }
    }
}
