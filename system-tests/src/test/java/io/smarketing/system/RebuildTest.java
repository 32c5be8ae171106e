package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * {@code ./smarketing rebuild <service>} on the running platform: the service's projections are replayed from its
 * topics into fresh tables and switched in, and every number it answers is what it was before; afterwards the
 * live service goes on projecting into the rebuilt tables, each new event counted once.
 */
class RebuildTest {

    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void aRebuiltSharedViewEqualsTheLiveOneAndGoesOnCounting() {
        // A history of its own at every stage, besides whatever the other tests left.
        Fixtures.goal();
        Fixtures.accepted("sam");
        Fixtures.assigned("sally");
        Fixtures.lead(false);
        Map<String, Object> before = settled(RebuildTest::sharedView);

        List<String> output = PlatformProcesses.smarketing(REBUILD_TIMEOUT, "rebuild", "goals-service");
        assertTrue(output.stream().anyMatch(line -> line.contains("goals-service rebuilt and switched over")), String.join("\n", output));

        assertEquals(before, sharedView(), "the view, every goal's progress and the series after the rebuild");
        long leads = leadsInView();
        Fixtures.lead(false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> leadsInView() == leads + 1);
    }

    @Test
    void rebuiltCampaignPerformanceEqualsTheLiveOne() {
        String campaign = Fixtures.campaign(true);
        Platform.captureLead(Fixtures.MARKETER, Map.of("email", "rebuild-" + campaign + "@example.com", "name", "Rae Bell",
                "channel", "WEB", "campaignId", campaign)).then().statusCode(201);
        Map<String, Object> before = settled(RebuildTest::campaignPerformance);

        List<String> output = PlatformProcesses.smarketing(REBUILD_TIMEOUT, "rebuild", "campaigns-service");
        assertTrue(output.stream().anyMatch(line -> line.contains("campaigns-service rebuilt and switched over")),
                String.join("\n", output));

        assertEquals(before, campaignPerformance(), "every campaign's performance after the rebuild");
    }

    /**
     * How long a snapshot must stay the same to be settled: longer than the test platform's follow-up SLA (3 s)
     * and its check interval (1 s), so that a lead assigned just before, here or by another test, has breached
     * already rather than during the rebuild.
     */
    private static final Duration QUIET = Duration.ofSeconds(6);

    /** A snapshot once it has not changed for {@link #QUIET}: the consumers have applied what the fixtures caused. */
    private static Map<String, Object> settled(Supplier<Map<String, Object>> snapshot) {
        Map<String, Object>[] last = new Map[] { snapshot.get() };
        long[] since = { System.nanoTime() };
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Object> now = snapshot.get();
            if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] >= QUIET.toNanos();
        });
        return last[0];
    }

    /**
     * Every number goals-service answers: the view, each goal's progress and the day and week series, without
     * what moves with the clock alone (a goal's expected value by now and its forecast).
     */
    private static Map<String, Object> sharedView() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        Map<String, Object> view = as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getMap("");
        for (Object line : (List<?>) view.get("goals")) {
            Map<?, ?> progress = (Map<?, ?>) ((Map<?, ?>) line).get("progress");
            if (progress != null) {
                progress.remove("expectedByNow");
                progress.remove("forecast");
            }
        }
        numbers.put("view", view);
        List<String> goals = as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/goals?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        for (String goal : goals) {
            Map<String, Object> progress = as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when()
                    .get("/api/goals/" + goal + "/progress").then().statusCode(200).extract().jsonPath().getMap("");
            progress.remove("expectedByNow");
            progress.remove("forecast");
            numbers.put("goal " + goal, progress);
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String bucket : List.of("day", "week")) {
            numbers.put("series " + bucket, as("executive", Fixtures.EXECUTIVE, Platform.GOALS)
                    .queryParam("from", today.minusDays(60).toString()).queryParam("to", today.toString())
                    .queryParam("bucket", bucket).when().get("/api/view/series")
                    .then().statusCode(200).extract().jsonPath().get(""));
        }
        return numbers;
    }

    private static long leadsInView() {
        return as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getLong("funnel.leads");
    }

    /** Each campaign's performance, under each attribution model. */
    private static Map<String, Object> campaignPerformance() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        List<String> campaigns = as("marketing", Fixtures.MARKETER, Platform.CAMPAIGNS).when().get("/api/campaigns?size=200")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        for (String campaign : campaigns) {
            for (String model : List.of("first", "last", "linear")) {
                numbers.put(campaign + " " + model, as("marketing", Fixtures.MARKETER, Platform.CAMPAIGNS)
                        .queryParam("model", model).when().get("/api/campaigns/" + campaign + "/performance")
                        .then().statusCode(200).extract().jsonPath().get(""));
            }
        }
        return numbers;
    }
}
