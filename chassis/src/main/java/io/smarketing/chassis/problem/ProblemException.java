package io.smarketing.chassis.problem;

import java.util.List;

/**
 * A client-visible failure that services throw from their domain and service layers; the chassis maps it
 * to problem+json. The factory methods name every error the APIs answer with.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
    }

    /** 404: the id names nothing this service knows. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    /** 409: the current state forbids the request (a transition, a version). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    /** 409: the client read another version than the current one; its change would overwrite someone else's. */
    public static ProblemException staleVersion(String what, Object id, long current, long expected) {
        return conflict(what + " " + id + " is at version " + current + ", not " + expected
                + ": someone changed it since you read it; reload it and apply your change again");
    }

    /** 422: valid JSON that breaks a business rule on one field. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "validation", "Request breaks a rule", message,
                List.of(new Problem.Violation(field, message)));
    }

    /** 413: the request body is larger than this endpoint reads. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Request too large", detail, null);
    }

    /** 429: the caller holds as many of something (open streams) as it may. */
    public static ProblemException tooMany(String detail) {
        return new ProblemException(429, "too-many-requests", "Too many requests", detail, null);
    }

    /** 403: authenticated, but this caller may not do this to this resource. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }
}
