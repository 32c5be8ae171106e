package io.smarketing.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ViewStreamTest {

    @TestHTTPResource("/api/view/stream")
    URI stream;

    @Inject
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStreamPushesTheViewAfterAnEvent() throws Exception {
        UUID campaign = UUID.randomUUID();
        BlockingQueue<JsonPath> views = new LinkedBlockingQueue<>();
        CompletableFuture<?> reading = subscribe(URI.create(stream + "?campaignId=" + campaign),
                Tokens.bearer("sales", "sam"), views);
        try {
            JsonPath first = views.poll(30, TimeUnit.SECONDS);
            assertEquals(0, first.getInt("funnel.leads"));

            TopicProbe.publish(new LeadCreated(UUID.randomUUID(), campaign, LeadStage.NEW, "s@example.com", "Sia",
                    null, Channel.WEB, 10, "mia", Instant.now()));

            JsonPath next;
            do {
                next = views.poll(30, TimeUnit.SECONDS);
            } while (next != null && next.getInt("funnel.leads") == 0);
            assertEquals(1, next.getInt("funnel.leads"));
        } finally {
            reading.cancel(true);
        }
    }

    @Test
    void dashboardsWatchingTheSameViewShareOneComputationPerChange() throws Exception {
        UUID campaign = UUID.randomUUID();
        URI watched = URI.create(stream + "?campaignId=" + campaign);
        List<BlockingQueue<JsonPath>> dashboards = List.of(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>(),
                new LinkedBlockingQueue<>());
        List<CompletableFuture<?>> readings = dashboards.stream()
                .<CompletableFuture<?>>map(views -> subscribe(watched, Tokens.bearer("executive", "erin"), views))
                .toList();
        try {
            for (BlockingQueue<JsonPath> views : dashboards) {
                assertEquals(0, views.poll(30, TimeUnit.SECONDS).getInt("funnel.leads"));
            }
            double before = computations();

            TopicProbe.publish(new LeadCreated(UUID.randomUUID(), campaign, LeadStage.NEW, "w@example.com", "Wen",
                    null, Channel.WEB, 10, "mia", Instant.now()));

            for (BlockingQueue<JsonPath> views : dashboards) {
                JsonPath next;
                do {
                    next = views.poll(30, TimeUnit.SECONDS);
                } while (next != null && next.getInt("funnel.leads") == 0);
                assertEquals(1, next.getInt("funnel.leads"));
            }
            double computed = computations() - before;
            assertTrue(computed >= 1 && computed < dashboards.size(),
                    "three dashboards, one change: computed " + computed + " times");
        } finally {
            readings.forEach(reading -> reading.cancel(true));
        }
    }

    @Test
    void aBrowserMayPassTheTokenAsAQueryParameter() throws Exception {
        BlockingQueue<JsonPath> views = new LinkedBlockingQueue<>();
        String token = Tokens.bearer("executive", "erin").substring("Bearer ".length());
        CompletableFuture<?> reading = subscribe(URI.create(stream + "?access_token=" + token), null, views);
        try {
            assertTrue(views.poll(30, TimeUnit.SECONDS).getMap("funnel").containsKey("leads"));
        } finally {
            reading.cancel(true);
        }
    }

    @Test
    void theStreamRefusesAMissingOrForgedToken() throws Exception {
        assertEquals(401, http.send(HttpRequest.newBuilder(stream).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(stream + "?access_token=forged")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private double computations() {
        return meters.counter("smarketing.view.computations").count();
    }

    /** Reads {@code data:} lines of the event stream into the queue, in the background. */
    private CompletableFuture<?> subscribe(URI uri, String authorization, BlockingQueue<JsonPath> views) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(2));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            assertEquals(200, response.statusCode());
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        views.add(new JsonPath(line.substring(5).trim()));
                    }
                }
            } catch (IOException e) {
                // the test cancelled the subscription
            }
        });
    }
}
