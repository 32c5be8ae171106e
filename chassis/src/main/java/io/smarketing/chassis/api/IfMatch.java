package io.smarketing.chassis.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

import io.smarketing.chassis.problem.ProblemException;

/**
 * The version a client read, for every PUT of the platform ({@code @BeanParam IfMatch}): the ETag it was given,
 * sent back as {@code If-Match: "3"} (or {@code W/"3"}), or {@code "version": 3} in the body. One of them is
 * required (422 otherwise). Both may be sent, and then they must agree: a request whose header and body name
 * different versions is a 409, like any version that is not the current one, since at most one of them can be.
 */
public class IfMatch {

    @HeaderParam(HttpHeaders.IF_MATCH)
    String header;

    public IfMatch() {
    }

    /** The header as sent, or null. */
    public IfMatch(String header) {
        this.header = header;
    }

    /** The ETag of a version: {@code "3"}. */
    public static String tagOf(long version) {
        return "\"" + version + "\"";
    }

    /** The version to compare with the current one (409 when they differ: {@link ProblemException#staleVersion}). */
    public long expectedVersion(Long bodyVersion) {
        Long tagged = tagged();
        if (tagged != null && bodyVersion != null && !tagged.equals(bodyVersion)) {
            throw ProblemException.conflict("If-Match names version " + tagged + " but the body's version is "
                    + bodyVersion + ": send the version you read, once or twice the same");
        }
        Long expected = tagged != null ? tagged : bodyVersion;
        if (expected == null) {
            throw ProblemException.unprocessable("version",
                    "is required: send the version you read (as If-Match or in the body) so no one else's change is lost");
        }
        return expected;
    }

    private Long tagged() {
        if (header == null || header.isBlank()) {
            return null;
        }
        String tag = header.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        // quoted as an ETag is, or bare as clients sometimes send it
        tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
        if (!tag.isEmpty() && tag.length() <= 18 && tag.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(tag);
        }
        throw ProblemException.unprocessable(HttpHeaders.IF_MATCH, "must be the ETag you read, such as \"3\"");
    }
}
