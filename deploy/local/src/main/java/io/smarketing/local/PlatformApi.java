package io.smarketing.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smarketing.local.DemoPlan.As;

/**
 * The services' REST APIs as the local tools call them: as a named person, with a dev token signed by the
 * local key, JSON (or CSV, for a {@code String} body) in and JSON out.
 */
final class PlatformApi {

    /** An answer the tool did not expect, or none at all; it stops the tool. */
    static final class Failure extends RuntimeException {

        final int status;
        final String problem;

        Failure(String message) {
            this(message, 0, "");
        }

        Failure(String message, int status, String problem) {
            super(message);
            this.status = status;
            this.problem = problem;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<As, String> tokens = new ConcurrentHashMap<>();
    private final PrivateKey key;
    private final Duration timeout;

    PlatformApi(PrivateKey key, Duration timeout) {
        this.key = key;
        this.timeout = timeout;
    }

    /** One call; any status but {@code expected} is a {@link Failure} carrying the service's answer. */
    JsonNode call(String method, String url, As as, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "Bearer " + token(as))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else if (body instanceof String csv) {
            request.header("Content-Type", "text/csv; charset=UTF-8")
                    .method(method, BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofByteArray(toJson(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure(method + " " + url + " as " + as + ": no answer from the service (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(method + " " + url + " as " + as + ": interrupted");
        }
        if (response.statusCode() != expected) {
            throw new Failure(String.format(Locale.ROOT, "%s %s as %s: HTTP %d (expected %d)%n%s%s", method, url,
                    as, response.statusCode(), expected, response.body(),
                    body == null || body instanceof String ? "" : "\nrequest: " + new String(toJson(body),
                            StandardCharsets.UTF_8)),
                    response.statusCode(), response.body());
        }
        try {
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new Failure(method + " " + url + ": the answer is not JSON: " + response.body());
        }
    }

    /**
     * Follows a Server-Sent Events stream in the background, handing each event's JSON data to the consumer;
     * closing the returned handle ends it.
     */
    AutoCloseable follow(String url, As as, Consumer<JsonNode> onEvent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(as))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<InputStream> body = http.sendAsync(request, BodyHandlers.ofInputStream()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new Failure("GET " + url + " as " + as.user() + " answered " + response.statusCode(),
                        response.statusCode(), "");
            }
            return response.body();
        });
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body.join(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        onEvent.accept(json.readTree(line.substring(5).trim()));
                    }
                }
            } catch (CompletionException refused) {
                System.err.println(refused.getCause().getMessage()); // the stream never opened: say why
            } catch (IOException | RuntimeException e) {
                // closed by the caller, or the service went away: the stream ends either way
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return () -> body.thenAccept(stream -> {
            try {
                stream.close();
            } catch (IOException e) {
                // already closed
            }
        });
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body + " as JSON", e);
        }
    }

    private String token(As as) {
        return tokens.computeIfAbsent(as, who -> DevTokens.token(key, who.role(), who.user(), Duration.ofHours(1)));
    }
}
