package io.smarketing.leads;

import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.inTransaction;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.Channel;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;

/**
 * The size requirement: 10,000 lines in one request. Prints how long the import and the outbox
 * relay took (no wall-clock assertion: the machine is shared), and checks every line was handled.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LeadImportBenchmarkTest {

    private static final int LINES = 10_000;

    @TestHTTPResource("/api/leads/import")
    URI importUri;

    @Test
    void tenThousandLinesImportInOneRequest() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = file(tag);

        long created = importAndTime(csv, "created");
        long drained = timeUntilOutboxIsDrained();
        System.out.printf("BENCHMARK leads import: %d lines created in %d ms (%.0f lines/s); relay published "
                + "their events %d ms later%n", LINES, created, LINES * 1000.0 / created, drained);

        long duplicates = importAndTime(csv, "duplicates");
        System.out.printf("BENCHMARK leads import: %d duplicate lines (logged as touches) in %d ms (%.0f lines/s)%n",
                LINES, duplicates, LINES * 1000.0 / duplicates);

        // the first import also paid for class loading and JIT compilation; a second new file shows steady state
        long warm = importAndTime(file(tag + "w"), "created");
        System.out.printf("BENCHMARK leads import: another %d new lines, warm, in %d ms (%.0f lines/s)%n",
                LINES, warm, LINES * 1000.0 / warm);

        as(SALES, "sam").queryParam("q", "bench-" + tag + "-").queryParam("size", 1).when().get("/api/leads")
                .then().body("total", equalTo(LINES));
    }

    private static String file(String tag) {
        StringBuilder csv = new StringBuilder("email,name,company,title,phone,campaignId,channel\n");
        Channel[] channels = Channel.values();
        for (int i = 0; i < LINES; i++) {
            csv.append("bench-").append(tag).append('-').append(i).append("@acme-corp.com,")
                    .append("\"Lead ").append(i).append(", Jr.\",Company ").append(i % 97).append(',')
                    .append(i % 3 == 0 ? "Head of Sales" : "").append(',').append(i % 2 == 0 ? "+81 3 5555 0000" : "")
                    .append(",,").append(channels[i % channels.length]).append('\n');
        }
        return csv.toString();
    }

    /**
     * Posts the file with the JDK's HTTP client (RestAssured adds seconds of its own to a 1 MB body) and
     * returns the milliseconds until the response arrived; every line must land in {@code outcome}.
     */
    private long importAndTime(String csv, String outcome) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(importUri)
                .header("Authorization", Tokens.bearer(MARKETING, "mia")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = new ObjectMapper().readTree(response.body());
        assertEquals(LINES, result.get(outcome).asInt(), response.body());
        assertEquals(0, result.get("rejected").size(), response.body());
        return millis;
    }

    private static long timeUntilOutboxIsDrained() {
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> inTransaction(em ->
                ((Number) em.createNativeQuery("select count(*) from outbox_event where published_at is null")
                        .getSingleResult()).longValue() == 0));
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
