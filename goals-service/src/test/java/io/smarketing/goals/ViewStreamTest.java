package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
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
    void aBrowserOpensTheStreamWithASingleUseTicketAndNeverWithATokenInTheUrl() throws Exception {
        String ticket = given().header("Authorization", Tokens.bearer("executive", "erin"))
                .when().post("/api/view/stream-tickets")
                .then().statusCode(201).body("expiresAt", notNullValue()).extract().path("ticket");
        BlockingQueue<JsonPath> views = new LinkedBlockingQueue<>();
        CompletableFuture<?> reading = subscribe(URI.create(stream + "?ticket=" + ticket), null, views);
        try {
            assertTrue(views.poll(30, TimeUnit.SECONDS).getMap("funnel").containsKey("leads"));
            assertEquals(401, status(URI.create(stream + "?ticket=" + ticket), null), "a ticket opens one stream");
        } finally {
            reading.cancel(true);
        }
        String token = Tokens.bearer("executive", "erin").substring("Bearer ".length());
        assertEquals(401, status(URI.create(stream + "?access_token=" + token), null));
        given().when().post("/api/view/stream-tickets").then().statusCode(401);
    }

    @Test
    void aTicketIsNotUsedUpByAMalformedFilter() throws Exception {
        String ticket = given().header("Authorization", Tokens.bearer("sales", "sam"))
                .when().post("/api/view/stream-tickets").then().statusCode(201).extract().path("ticket");

        assertEquals(422, status(URI.create(stream + "?ticket=" + ticket + "&from=yesterday"), null));
        BlockingQueue<JsonPath> views = new LinkedBlockingQueue<>();
        CompletableFuture<?> reading = subscribe(URI.create(stream + "?ticket=" + ticket), null, views);
        try {
            assertTrue(views.poll(30, TimeUnit.SECONDS) != null);
        } finally {
            reading.cancel(true);
        }
    }

    @Test
    void theStreamEndsWhenItsTokenExpires() throws Exception {
        String token = Tokens.token("sales", "short-" + UUID.randomUUID(), Duration.ofSeconds(3), Tokens.AUDIENCE);
        BlockingQueue<JsonPath> views = new LinkedBlockingQueue<>();
        CompletableFuture<?> reading = subscribe(stream, "Bearer " + token, views);

        reading.get(20, TimeUnit.SECONDS); // completes only when the server ends the response
        assertTrue(!views.isEmpty(), "it showed the view until then");
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfStreams() throws Exception {
        String bearer = Tokens.bearer("sales", "many-" + UUID.randomUUID());
        List<CompletableFuture<?>> readings = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // %test.goals.stream-max-per-user=4
                BlockingQueue<JsonPath> views = new LinkedBlockingQueue<>();
                readings.add(subscribe(stream, bearer, views));
                assertTrue(views.poll(30, TimeUnit.SECONDS) != null);
            }
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(stream).header("Authorization", bearer)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, refused.statusCode());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

            readings.remove(0).cancel(true);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    status(stream, bearer) == 200);
        } finally {
            readings.forEach(reading -> reading.cancel(true));
        }
    }

    @Test
    void theStreamRefusesAMissingOrForgedToken() throws Exception {
        assertEquals(401, status(stream, null));
        assertEquals(401, status(stream, "Bearer forged"));
        assertEquals(401, status(URI.create(stream + "?ticket=forged"), null));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String elsewhere = Tokens.token("executive", "erin", Duration.ofMinutes(5), "another-system");
        given().header("Authorization", "Bearer " + elsewhere).when().get("/api/view").then().statusCode(401);
        assertEquals(401, status(stream, "Bearer " + elsewhere));
    }

    @Test
    void theOpenApiDocumentSaysHowTheStreamIsSecuredAndRefused() {
        io.restassured.path.json.JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(openApi.getList("paths.'/api/view/stream'.get.security").size() > 0);
        assertTrue(openApi.getMap("paths.'/api/view/stream'.get.responses").keySet()
                .containsAll(List.of("200", "401", "403", "422", "429")));
        assertTrue(openApi.getMap("paths").containsKey("/api/view/stream-tickets"));
    }

    /** The status a stream request is answered with; the response, if any, is closed at once. */
    private int status(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
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
