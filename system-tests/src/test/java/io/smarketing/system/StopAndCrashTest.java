package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.smarketing.events.Topics;
import io.smarketing.testing.TopicProbe;

/**
 * Nothing lost, nothing counted twice, when parts of the platform stop or crash: a consumer stopped with
 * SIGTERM in the middle of a backlog, and PostgreSQL killed with SIGKILL while leads are being captured.
 * Afterwards the view and campaign performance equal leads-service, the source of truth, and no good event is
 * on a dead-letter topic.
 */
class StopAndCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A JVM start on a busy machine (a whole platform start took 143 s at load average 30). */
    private static final Duration RESTART_PATIENCE = Duration.ofMinutes(5);
    private static final int BACKLOG = 8_000;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aConsumerStoppedInTheMiddleOfABacklogLosesNothingAndDeadLettersNothing() throws Exception {
        String campaignId = launchedCampaign();
        awaitViewCaughtUp(campaignId);
        int deadLettersBefore = TopicProbe.readAll(Topics.deadLetter("goals-service")).size();
        long before = leadsServiceTotal(campaignId);

        long waiting;
        Duration stopped;
        PlatformProcesses.stop(PlatformProcesses.component("goals-service"));
        try {
            StringBuilder csv = new StringBuilder("email,name,channel,campaignId\n");
            for (int i = 0; i < BACKLOG; i++) {
                csv.append("backlog-").append(tag).append('-').append(i).append("@example.com,Bea ").append(i)
                        .append(",WEB,").append(campaignId).append('\n');
            }
            as("marketing", "mia", Platform.LEADS).contentType("text/csv").body(csv.toString())
                    .when().post("/api/leads/import").then().statusCode(200).body("created", equalTo(BACKLOG));
            await().atMost(PATIENCE).until(() -> lag() >= BACKLOG);
            long backlog = lag();

            // goals-service starts consuming before it answers HTTP: it is stopped again, from beside the start,
            // the moment its consumer group commits its first offsets of the backlog (every 100 ms on the test
            // platform: auto.commit.interval.ms).
            CompletableFuture<Void> starting = CompletableFuture.runAsync(PlatformProcesses::up);
            await().atMost(RESTART_PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> lag() < backlog);
            ProcessHandle goals = PlatformProcesses.component("goals-service");
            waiting = lag();
            stopped = PlatformProcesses.stop(goals);
            starting.handle((done, failure) -> null).join(); // it may report that goals-service stopped
        } finally {
            PlatformProcesses.up();
        }
        assertTrue(waiting >= 5_000, "stopped with at least 5,000 records waiting: " + waiting + " of " + BACKLOG);

        awaitViewCaughtUp(campaignId);
        assertEquals(before + BACKLOG, viewLeads(campaignId), "every lead counted once");
        assertEquals(deadLettersBefore, TopicProbe.readAll(Topics.deadLetter("goals-service")).size(),
                "nothing dead-lettered (goals-service stopped in " + stopped.toMillis() + " ms)");
    }

    /** What goals-service has not committed yet of smarketing.leads.v1, as its consumer group's offsets say. */
    private static long lag() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers"));
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("goals-service")
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.LEADS)).allTopicNames().get()
                    .get(Topics.LEADS).partitions().stream().map(p -> new TopicPartition(Topics.LEADS, p.partition()))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        }
    }

    @Test
    void postgresKilledUnderLoadLosesNoAnsweredLeadAndTheProjectionsEqualTheSourceOfTruth() throws Exception {
        String campaignId = launchedCampaign();
        awaitViewCaughtUp(campaignId);
        ConcurrentMap<String, Boolean> answered = new ConcurrentHashMap<>();
        ConcurrentMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (loading.get()) {
                    Response response = as("marketing", "mia", Platform.LEADS).body(Map.of(
                            "email", "crash-" + tag + "-" + sequence.incrementAndGet() + "@example.com",
                            "name", "Cara", "channel", "WEB", "campaignId", campaignId))
                            .when().post("/api/leads");
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 201) {
                        answered.put(response.path("id"), true);
                    }
                }
                return null;
            });
        }
        await().atMost(PATIENCE).until(() -> answered.size() >= 200);
        int answeredAtCrash;
        try {
            PlatformProcesses.kill(PlatformProcesses.component("postgres"));
            answeredAtCrash = answered.size();
        } finally {
            PlatformProcesses.up();
        }
        await().atMost(PATIENCE).until(() -> answered.size() >= answeredAtCrash + 200);
        loading.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

        Set<Integer> seen = statuses.keySet();
        assertTrue(Set.of(201, 503).containsAll(seen), "only 201 and 503 (while PostgreSQL was away): " + statuses);
        for (String id : answered.keySet()) {
            as("sales", "sam", Platform.LEADS).when().get("/api/leads/" + id).then().statusCode(200);
        }
        long ofCampaign = leadsServiceTotal(campaignId);
        assertTrue(ofCampaign >= answered.size(), ofCampaign + " leads stored, " + answered.size() + " answered 201");
        await().atMost(PATIENCE).untilAsserted(() -> {
            as("executive", "erin", Platform.GOALS).queryParam("campaignId", campaignId).when().get("/api/view")
                    .then().statusCode(200).body("funnel.leads", equalTo((int) ofCampaign));
            as("marketing", "mia", Platform.CAMPAIGNS).when().get("/api/campaigns/" + campaignId + "/performance")
                    .then().statusCode(200).body("leads", equalTo((int) ofCampaign));
        });
        for (String service : List.of("goals-service", "campaigns-service", "feedback-service")) {
            List<String> letters = new ArrayList<>();
            TopicProbe.readAll(Topics.deadLetter(service)).stream()
                    .filter(r -> r.key() != null && answered.containsKey(r.key())).forEach(r -> letters.add(r.key()));
            assertEquals(List.of(), letters, "no lead of this run dead-lettered by " + service);
        }
    }

    /** Waits until the view counts every lead of the campaign that leads-service holds. */
    private static void awaitViewCaughtUp(String campaignId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> viewLeads(campaignId) == leadsServiceTotal(campaignId));
    }

    private static long leadsServiceTotal(String campaignId) {
        return as("sales", "sam", Platform.LEADS).queryParam("campaignId", campaignId).queryParam("size", 1)
                .when().get("/api/leads").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** The view's lead count of the campaign, or -1 while goals-service does not answer. */
    private static long viewLeads(String campaignId) {
        try {
            Response response = as("executive", "erin", Platform.GOALS).queryParam("campaignId", campaignId)
                    .when().get("/api/view");
            return response.statusCode() == 200 ? response.jsonPath().getLong("funnel.leads") : -1;
        } catch (RuntimeException notListening) {
            return -1;
        }
    }

    private String launchedCampaign() {
        LocalDate today = LocalDate.now();
        String campaignId = as("marketing", "mia", Platform.CAMPAIGNS).body(Map.of(
                "name", "Crash " + tag, "channel", "WEB", "budget", 100000,
                "startDate", today.toString(), "endDate", today.plusDays(30).toString(),
                "keyMessage", "Nothing lost", "marketingOwner", "mia", "salesLiaison", "sam"))
                .when().post("/api/campaigns").then().statusCode(201).extract().path("id");
        as("marketing", "mia", Platform.CAMPAIGNS).when().post("/api/campaigns/" + campaignId + "/launch")
                .then().statusCode(200);
        Platform.captureLead("mia", Map.of("email", "first-" + tag + "@example.com", "name", "Fay", "channel", "WEB",
                "campaignId", campaignId)).then().statusCode(201);
        return campaignId;
    }
}
