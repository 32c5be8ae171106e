package io.smarketing.chassis.api;

/**
 * A response body that shows one versioned resource: the chassis answers it with its version as the
 * {@code ETag} ({@link VersionTags}), which a client sends back as {@code If-Match} on a PUT ({@link IfMatch}).
 */
public interface Versioned {

    long version();
}
