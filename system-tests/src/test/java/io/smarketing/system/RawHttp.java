package io.smarketing.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Requests exactly as given (any bytes, any header), answered with the status and, unless it is an event stream
 * (which never ends), the body. For the authorization matrix and the fuzz test.
 */
final class RawHttp {

    // HTTP/1.1, not the client's default h2c upgrade: under load an upgraded connection once left a request without
    // an answer (and without a timeout firing) for twenty minutes
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Enough for the largest OpenAPI document; a longer answer is cut. */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    record Request(String method, String url, Map<String, String> headers, byte[] body) {

        static Request of(String method, String url, Map<String, String> headers, String body) {
            return new Request(method, url, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    static Answer send(Request request) {
        try {
            return sendOnce(request);
        } catch (ConnectionClosedUnanswered e) {
            // The service closes a connection after some refusals (an answer given before the body was read); a
            // request the client had already put on that kept-alive connection never reached it. Once more, on a new one.
            try {
                return sendOnce(request);
            } catch (ConnectionClosedUnanswered again) {
                throw new IllegalStateException(request.method() + " " + request.url() + ": the service closed the "
                        + "connection without an answer, twice");
            }
        }
    }

    private static Answer sendOnce(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<InputStream> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                String text = contentType.startsWith("text/event-stream") ? ""
                        : new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType, text);
            }
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw new ConnectionClosedUnanswered();
            }
            throw new IllegalStateException(request.method() + " " + request.url() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class ConnectionClosedUnanswered extends RuntimeException {
        ConnectionClosedUnanswered() {
            super("the connection was closed before any answer", null, false, false);
        }
    }
}
