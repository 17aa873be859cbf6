package org.ubcs.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ubcs.api.model.Problem;
import org.ubcs.api.model.ProblemError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become RFC 9457 {@code application/problem+json} responses. Client mistakes get the
 * most specific 4xx with a stable type; anything else is a 500 whose log line carries no request data.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem problem = base(e.type(), e.getMessage(), uri);
        e.errors().forEach(error -> problem.addErrorsItem(toApi(error)));
        if (e.type() == ProblemType.ILLEGAL_STEP) {
            problem.setAllowedSteps(e.allowedSteps());
        }
        problem.setRule(e.rule());
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        // The contract requires If-Match; without it the answer is 428, which says what to send, not a generic 400.
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isMissingIfMatch)) {
            return problem(ProblemException.versionRequired(), uri);
        }
        List<FieldError> errors = e.getConstraintViolations().stream().map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(error -> String.valueOf(error.pointer()) + error.parameter()))
                .toList();
        return problem(ProblemException.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(fromJackson(e), uri);
    }

    /** Declared separately so it takes precedence over the mapper Quarkus REST registers for this type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof UnreadableParameterException unreadable) {
            return unreadableParameter(unreadable, uri);
        }
        return respond(base(ProblemType.NOT_FOUND, "Nothing is at this address.", uri));
    }

    /** A path or query parameter that does not fit its type is a bad request, naming the parameter. */
    @ServerExceptionMapper
    public Response unreadableParameter(UnreadableParameterException e, UriInfo uri) {
        List<FieldError> errors = java.util.stream.Stream.of(uri.getPathParameters(), uri.getQueryParameters())
                .flatMap(parameters -> parameters.entrySet().stream())
                .filter(parameter -> parameter.getValue().contains(e.value()))
                .map(parameter -> FieldError.parameter(parameter.getKey(), e.expectation())).distinct().toList();
        if (errors.isEmpty()) {
            return respond(base(ProblemType.NOT_FOUND, "Nothing is at this address.", uri));
        }
        return problem(ProblemException.withErrors(ProblemType.WRONG_TYPE, "A parameter has the wrong type.", errors),
                uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Response response = respond(base(ProblemType.METHOD_NOT_ALLOWED,
                "This address does not accept " + "this method.", uri));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? response : Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri) {
        return respond(base(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", uri));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(base(ProblemType.NOT_ACCEPTABLE,
                "This resource is not available in the media type asked for: see the operation's responses in the "
                        + "contract (JSON everywhere; also HTML for subject access exports, CSV for statistics).", uri));
    }

    /** Quarkus REST wraps unreadable bodies (malformed JSON, bad enum values) and bad parameters in these. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        if (cause instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 400) {
            return respond(base(ProblemType.WRONG_TYPE, "A parameter or the body could not be read.", uri));
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Problem problem = base(ProblemType.NOT_FOUND, "Nothing is at this address.", uri);
        problem.setStatus(status);
        problem.setTitle(e.getResponse().getStatusInfo().getReasonPhrase());
        return respond(problem);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(UriInfo uri) {
        return Response.fromResponse(respond(base(ProblemType.UNAUTHORIZED, "A valid bearer token is required.", uri)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(base(ProblemType.FORBIDDEN, "Your roles do not allow this operation.", uri));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response staleVersion(UriInfo uri) {
        return respond(base(ProblemType.STALE_VERSION, ProblemException.STALE_DETAIL, uri));
    }

    @ServerExceptionMapper
    public Response completion(CompletionException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return staleVersion(uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.explains(e)) {
            return serviceUnavailable(e, uri);
        }
        if (e instanceof CompletionException completion && completion.getCause() != null
                && completion.getCause() != e) {
            return completion(completion, uri);
        }
        String incident = UUID.randomUUID().toString();
        // Exception messages may quote stored values, so only types and frames are logged.
        LOG.errorf("Unexpected failure %s on %s: %s", incident, uri.getRequestUri().getRawPath(), Failures.describe(e));
        return respond(base(ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side; quote incident " + incident + " to the service desk.", uri));
    }

    /** The database cannot be reached just now ({@link DatabaseUnavailable} says which failures mean that). */
    private static Response serviceUnavailable(Throwable e, UriInfo uri) {
        DatabaseUnavailable.log(uri.getRequestUri().getRawPath(), e);
        return Response.fromResponse(respond(base(ProblemType.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL, uri)))
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterSeconds()).build();
    }

    private static ProblemException fromJackson(JsonProcessingException e) {
        if (isUnreadable(e)) {
            String duplicate = duplicateKey(e);
            return ProblemException.of(ProblemType.MALFORMED_JSON, duplicate == null ? "The body is not valid JSON."
                    : "The body is not valid JSON for this service: an object names the key '" + duplicate
                            + "' twice.");
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return ProblemException.of(ProblemType.MALFORMED_JSON, "The body could not be read.");
        }
        String pointer = pointer(mapping.getPath());
        if (e instanceof RefusedTextException refused) {
            return withError(ProblemType.VALIDATION, pointer, refused.reason());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return withError(ProblemType.UNKNOWN_PROPERTY, pointer,
                    "'" + unknown.getPropertyName() + "' is not a property of this object.");
        }
        if (e instanceof InvalidTypeIdException typeId) {
            String id = typeId.getTypeId();
            return id == null
                    ? withError(ProblemType.VALIDATION, pointer + "/type", "must not be null")
                    : withError(ProblemType.UNKNOWN_ENUM_VALUE, pointer + "/type", "is not a known type");
        }
        Class<?> target = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType()
                : e instanceof ValueInstantiationException instantiation ? instantiation.getType().getRawClass()
                        : null;
        if (target != null && target.isEnum()) {
            return withError(ProblemType.UNKNOWN_ENUM_VALUE, pointer, "must be one of "
                    + Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return withError(ProblemType.WRONG_TYPE, pointer,
                target != null ? "must be a " + describe(target) : "has the wrong type");
    }

    /** Broken JSON, even when Jackson reports it from inside an object it was building. */
    private static boolean isUnreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException) {
                return true;
            }
        }
        return false;
    }

    /** The key an object repeats, when that is why the JSON was refused (Jackson's strict duplicate detection). */
    private static String duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                String message = read.getOriginalMessage();
                return message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
            }
        }
        return null;
    }

    private static ProblemException withError(ProblemType type, String pointer, String message) {
        return ProblemException.withErrors(type, type.title() + ".", List.of(FieldError.field(pointer, message)));
    }

    private static String describe(Class<?> target) {
        return switch (target.getSimpleName()) {
            case "UUID" -> "UUID";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "OffsetDateTime" -> "date-time with offset";
            case "Integer", "Long", "int", "long" -> "whole number";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            default -> target.getSimpleName();
        };
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/');
            if (reference.getFieldName() != null) {
                pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (reference.getIndex() >= 0) {
                pointer.append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static boolean isMissingIfMatch(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return violation.getInvalidValue() == null && name != null
                && "If-Match".equalsIgnoreCase(Parameters.httpName(violation, name));
    }

    /** A method-parameter violation names the parameter; one inside the body points into it. */
    private static FieldError fieldError(ConstraintViolation<?> violation) {
        List<String> fields = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    fields.add(String.valueOf(node.getIndex()));
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    fields.add(node.getName());
                }
            }
        }
        if (fields.isEmpty() && parameter != null && !Parameters.isBody(violation, parameter)) {
            return FieldError.parameter(Parameters.httpName(violation, parameter), violation.getMessage());
        }
        return FieldError.field(fields.isEmpty() ? "" : "/" + String.join("/", fields), violation.getMessage());
    }

    private static Problem base(ProblemType type, String detail, UriInfo uri) {
        // The raw path: decoded, a path holding "%22" or "%00" is no longer the URI reference `instance` must be.
        return Problems.of(type, detail, uri.getRequestUri().getRawPath());
    }

    private static ProblemError toApi(FieldError error) {
        ProblemError api = new ProblemError(error.message());
        api.setPointer(error.pointer());
        api.setParameter(error.parameter());
        return api;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.getStatus()).type(PROBLEM_JSON).entity(problem).build();
    }
}
