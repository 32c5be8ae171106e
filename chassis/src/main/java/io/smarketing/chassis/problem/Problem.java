package io.smarketing.chassis.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One broken rule of a request: the field (a JSON path such as {@code owners[0]}) and why. */
    public record Violation(String field, String message) {
    }

    /** The problem type URI for a short slug such as {@code validation} or {@code not-found}. */
    public static URI type(String slug) {
        return URI.create("urn:smarketing:problem:" + slug);
    }
}
