package io.smarketing.chassis.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smarketing.chassis.api.DateRange;
import io.smarketing.chassis.api.StorableText;
import io.smarketing.chassis.messaging.TransientFailures;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457): 400 malformed JSON, 422 rule
 * violations with {@code violations}, 401/403, 404, 409; 503 with {@code Retry-After} while the database is
 * away. Unexpected errors become a 500 whose detail is only an error id to quote; the stack trace goes to the
 * log, never to the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a 503 asks the client to wait: about the time the database needs to come back after a restart. */
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem(Problem.type("validation"), "Request breaks a rule", 422,
                violations.size() + " field(s) are invalid", path(uri), violations));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem(Problem.type("malformed-json"), "Malformed JSON", 400,
                "The body is not valid JSON: " + e.getOriginalMessage(), path(uri), null));
    }

    /** Well-formed JSON of the wrong shape (a text where a number goes, an unknown enum value): a rule. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e instanceof DateRange.OutOfRange ? DateRange.MESSAGE
                : e instanceof StorableText.NotStorable ? StorableText.MESSAGE
                : e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                : "has the wrong type" + (e.getTargetType() == null ? "" : ", expected " + e.getTargetType().getSimpleName());
        return respond(new Problem(Problem.type("validation"), "Request breaks a rule", 422,
                "Field '" + field + "' " + message, path(uri), List.of(new Problem.Violation(field, message))));
    }

    @ServerExceptionMapper(priority = 2)
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        return respond(new Problem(Problem.type("malformed-json"), "Unreadable JSON", 400,
                e.getOriginalMessage(), path(uri), null));
    }

    /** What Jackson refuses to read at all: a number too long or too large for its type, nesting too deep. */
    @ServerExceptionMapper(priority = 3)
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(Problem.type("malformed-json"), "Unreadable JSON", 400,
                e.getOriginalMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this action", path(uri), null));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return concurrentChange(uri);
    }

    /** JAX-RS' own errors: unknown path (404), wrong method (405), media type (415), and the like. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response json = fromJsonCause(e, uri);
        if (json != null) {
            return json;
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        return respond(new Problem(Problem.type(slug(title)), title, status, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Response json = fromJsonCause(e, uri);
        if (json != null) {
            return json;
        }
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "Something went wrong on our side; quote error id " + errorId, path(uri), null));
    }

    /** The body reader wraps Jackson's errors; unwrapped, they keep their 400 or 422. */
    private Response fromJsonCause(Throwable e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableJson(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return unreadable(other, uri);
        }
        return null;
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "A valid bearer token is required", path(uri), null)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /**
     * The database is unreachable, restarting or out of connections, or a lock conflict that passes: the same
     * request is worth sending again shortly. Nothing changed, unless the database went away during the commit
     * itself: then nobody knows yet, and the detail says to read the change back first.
     */
    private Response unavailable(Throwable e, UriInfo uri) {
        boolean inDoubt = TransientFailures.isCommitInDoubt(e);
        LOG.warnf("Unavailable on %s%s: %s", path(uri), inDoubt ? " while committing" : "",
                TransientFailures.describe(e));
        String detail = inDoubt
                ? "The database went away while this change was being committed; it may or may not have been saved,"
                        + " so read it back before sending it again"
                : "A service this request needs is unavailable for a moment; nothing was changed, try again";
        return Response.fromResponse(respond(new Problem(Problem.type("unavailable"), "Service unavailable", 503,
                detail, path(uri), null))).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private Response concurrentChange(UriInfo uri) {
        return respond(new Problem(Problem.type("conflict"), "Conflict", 409,
                "Someone else changed this resource at the same time; reload and retry", path(uri), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code create.request.owners[0]} → {@code owners[0]}: drop the method and parameter names. A node's index
     * is its place in the list before it, so a field of a list's element reads {@code reps[0].capacity}.
     */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null && index > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            // method, parameter and container-element nodes ("<list element>") name no JSON field
            boolean named = switch (node.getKind()) {
                case METHOD, PARAMETER, CONTAINER_ELEMENT, RETURN_VALUE, CROSS_PARAMETER -> false;
                default -> node.getName() != null;
            };
            if (named) {
                if (index++ > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
