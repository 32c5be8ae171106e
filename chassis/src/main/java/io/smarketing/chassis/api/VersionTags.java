package io.smarketing.chassis.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every response whose body is {@link Versioned} carries its version as a strong ETag, such as {@code "3"}. */
public class VersionTags {

    @ServerResponseFilter
    public void tag(ContainerResponseContext response) {
        if (response.getEntity() instanceof Versioned versioned && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, IfMatch.tagOf(versioned.version()));
        }
    }
}
