package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.Topics;
import io.smarketing.testing.Tokens;

/**
 * The shared view as history grows, on a fresh platform of its own ({@code ./smarketing bench-history}): 100
 * campaigns and 50 goals through the APIs, then a year of leads ({@link HistoryGenerator}) produced straight to
 * {@code smarketing.leads.v1} as leads-service would publish them, in steps up to each size. At each size, once
 * every consumer has applied everything: {@code GET /api/view} with concurrent clients (as they see it, sharing
 * the computation of the current view, and computed afresh for every request through a filter of its own), one
 * round of goal evaluation (the service's timer, {@code smarketing_goals_evaluation_seconds}), the 50 goals'
 * progress read one after the other, and {@code ./smarketing rebuild goals-service} over the whole log.
 */
@EnabledIfSystemProperty(named = "smarketing.bench.history", matches = ".+",
        disabledReason = "a benchmark of its own platform: ./smarketing bench-history")
class HistoryBenchmark {

    private static final int CAMPAIGNS = 100;
    private static final int GOALS = 50;
    /** {@code -Dsmarketing.bench.history=existing}: measure the platform as it stands, loading nothing. */
    private static final String EXISTING = "existing";
    private static final Pattern REPLAYED = Pattern.compile("(\\d+) records replayed in ([\\d.]+) s .*held back for (\\d+) ms");
    /** The launcher's own count, from before the rebuild's JVM starts until it has exited. */
    private static final Pattern PROCESS_TOOK = Pattern.compile("rebuilt and switched over \\(took ([\\d.]+) s\\)");
    /** The other consumers of the leads topic: not measured here, and they would take the same two cores. */
    private static final List<String> NOT_MEASURED = List.of("campaigns-service", "feedback-service");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String token = Tokens.bearer("executive", Fixtures.EXECUTIVE);
    private final int clients = Integer.getInteger("smarketing.bench.clients", 8);
    private final Duration window = Duration.ofSeconds(Integer.getInteger("smarketing.bench.seconds", 15));

    @Test
    void theViewGoalEvaluationAndRebuildAsHistoryGrows() throws Exception {
        String history = System.getProperty("smarketing.bench.history");
        long rebuildUpTo = Long.getLong("smarketing.bench.rebuild-up-to", Long.MAX_VALUE);
        String rebuilds = rebuildUpTo == Long.MAX_VALUE ? "at every size" : String.format("up to %d leads", rebuildUpTo);
        System.out.printf("BENCH history: sizes %s, %d campaigns, %d goals, %d clients for %d s, rebuilds %s, "
                + "load average %.2f%n", history, CAMPAIGNS, GOALS, clients, window.toSeconds(), rebuilds, loadAverage());
        System.out.printf("BENCH %10s %10s %9s | %8s %8s %9s | %8s %8s %9s | %9s %11s%n", "leads", "events", "project/s",
                "view p50", "p99", "req/s", "fresh p50", "p99", "req/s", "eval 50 ms", "progress ms");
        try (KafkaProducer<String, byte[]> producer = producer(); Admin admin = admin()) {
            if (history.equals(EXISTING)) {
                // The platform as it stands (an earlier run's, brought up again): what it holds, once applied.
                List<String> goals = as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/goals?size=200")
                        .then().statusCode(200).extract().jsonPath().getList("items.id");
                awaitConsumed(admin);
                int size = (int) viewNumber("funnel.leads");
                measureAt(size, endOffsets(admin), Double.NaN, goals, size <= rebuildUpTo);
                return;
            }
            List<Integer> sizes = Arrays.stream(history.split(",")).map(String::strip).map(Integer::parseInt).sorted().toList();
            List<UUID> campaigns = campaigns();
            List<String> goals = goals(campaigns);
            NOT_MEASURED.forEach(service -> PlatformProcesses.stop(PlatformProcesses.component(service)));
            System.out.printf("BENCH history: %s stopped after the setup: the history is goals-service's to project and read%n",
                    NOT_MEASURED);
            HistoryGenerator generator = new HistoryGenerator(20_261_202L, campaigns, Instant.now());
            long events = 0;
            int loaded = 0;
            for (int size : sizes) {
                long begun = System.nanoTime();
                long produced = produce(producer, generator, size - loaded);
                events += produced;
                loaded = size;
                awaitConsumed(admin);
                double projected = produced / ((System.nanoTime() - begun) / 1e9);
                assertEquals(size, viewNumber("funnel.leads"), "every lead produced is counted");
                measureAt(size, events, projected, goals, size <= rebuildUpTo);
            }
        }
    }

    /** One size: the view shared and fresh, goal evaluation, the goals' progress; then, if asked, a rebuild. */
    private void measureAt(int size, long events, double projected, List<String> goals, boolean rebuild) throws Exception {
        Latencies shared = measure(false);
        Latencies fresh = measure(true);
        double evaluation = evaluationMillis();
        double progress = progressMillis(goals);
        System.out.printf("BENCH %10d %10d %9.0f | %8.1f %8.1f %9.0f | %8.1f %8.1f %9.0f | %9.0f %11.0f   (load average %.2f)%n",
                size, events, projected, shared.p50(), shared.p99(), shared.perSecond(), fresh.p50(), fresh.p99(),
                fresh.perSecond(), evaluation, progress, loadAverage());
        if (!rebuild) {
            return;
        }
        Map<String, Object> before = as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getMap("funnel");
        double load = loadAverage();
        long begun = System.nanoTime();
        List<String> output = PlatformProcesses.smarketing(Duration.ofHours(3), "rebuild", "goals-service");
        double wall = (System.nanoTime() - begun) / 1e9;
        Matcher replayed = output.stream().map(REPLAYED::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no rebuild summary in\n" + String.join("\n", output)));
        assertEquals(before, as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getMap("funnel"), "the funnel after the rebuild");
        double seconds = Double.parseDouble(replayed.group(2));
        String process = output.stream().map(PROCESS_TOOK::matcher).filter(Matcher::find).findFirst()
                .map(took -> took.group(1) + " s").orElse("?");
        System.out.printf("BENCH %10d rebuild: %s records replayed in %.1f s (%.0f records/s), live consumers held back %s ms; "
                + "its JVM ran %s, the command took %.1f s (load average %.2f before it)%n", size, replayed.group(1), seconds,
                Long.parseLong(replayed.group(1)) / seconds, replayed.group(3), process, wall, load);
    }

    /** 100 campaigns, planned and launched by marketing. */
    private List<UUID> campaigns() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            String id = as("marketing", Fixtures.MARKETER, Platform.CAMPAIGNS).body(Fixtures.campaign("history " + i, null))
                    .when().post("/api/campaigns").then().statusCode(201).extract().path("id");
            as("marketing", Fixtures.MARKETER, Platform.CAMPAIGNS).when().post("/api/campaigns/" + id + "/launch")
                    .then().statusCode(200);
            ids.add(UUID.fromString(id));
        }
        return ids;
    }

    /** 50 goals over the year of history, every metric, one in five scoped to a campaign. */
    private List<String> goals(List<UUID> campaigns) {
        List<String> ids = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        GoalMetric[] metrics = GoalMetric.values();
        for (int i = 0; i < GOALS; i++) {
            GoalMetric metric = metrics[i % metrics.length];
            String target = switch (metric) {
                case SLA_COMPLIANCE -> "90";
                case LEAD_QUALITY, CSAT -> "4";
                case REVENUE -> "5000000000";
                default -> "10000";
            };
            String body = "{\"name\":\"History " + i + "\",\"metric\":\"" + metric + "\",\"target\":" + target
                    + ",\"periodStart\":\"" + today.minusDays(364 - (i % 5) * 60) + "\",\"periodEnd\":\"" + today.plusDays(30)
                    + "\",\"salesOwners\":[\"sam\"],\"marketingOwners\":[\"mia\"]"
                    + (i % 5 == 4 ? ",\"campaignId\":\"" + campaigns.get(i) + "\"" : "") + "}";
            ids.add(as("executive", Fixtures.EXECUTIVE, Platform.GOALS).body(body).when().post("/api/goals")
                    .then().statusCode(201).extract().path("id"));
        }
        return ids;
    }

    /** The next {@code leads} leads' events, each lead's in order (one key, one partition); returns how many. */
    private static long produce(KafkaProducer<String, byte[]> producer, HistoryGenerator generator, int leads) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long events = 0;
        for (int i = 0; i < leads; i++) {
            for (LeadEvent event : generator.nextLead()) {
                producer.send(CloudEventRecord.toRecord(event), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                events++;
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new AssertionError("the broker did not take every record", failure.get());
        }
        return events;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformUnderTest.ADDRESSES.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformUnderTest.ADDRESSES.kafkaBootstrap()));
    }

    /** The end offsets of the leads topic. */
    private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.LEADS)).allTopicNames().get().get(Topics.LEADS)
                .partitions().stream().map(p -> new TopicPartition(Topics.LEADS, p.partition())).toList();
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static long endOffsets(Admin admin) throws Exception {
        return ends(admin).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Until goals-service has committed up to the end of the leads topic: all that was produced is applied. */
    private static void awaitConsumed(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = ends(admin);
        long[] lastReport = { System.nanoTime() };
        await("goals-service caught up").atMost(Duration.ofHours(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("goals-service")
                    .partitionsToOffsetAndMetadata().get();
            long behind = ends.entrySet().stream().mapToLong(end -> end.getValue()
                    - (committed.get(end.getKey()) == null ? 0 : committed.get(end.getKey()).offset())).sum();
            if (behind > 0 && System.nanoTime() - lastReport[0] > TimeUnit.MINUTES.toNanos(1)) {
                System.out.printf("BENCH history: goals-service %d records behind (load average %.2f)%n", behind, loadAverage());
                lastReport[0] = System.nanoTime();
            }
            return behind <= 0;
        });
    }

    record Latencies(double p50, double p99, double perSecond) {
    }

    /**
     * {@code clients} clients read the view back to back for the window (after a warm-up of a fifth of it);
     * {@code fresh}: each request with a window of its own, so none shares a computation.
     */
    private Latencies measure(boolean fresh) throws Exception {
        run(fresh, window.dividedBy(5));
        return run(fresh, window);
    }

    private Latencies run(boolean fresh, Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long begun = System.nanoTime();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(threads.submit(() -> {
                List<Long> took = new ArrayList<>();
                while (System.nanoTime() < end) {
                    String query = fresh ? "?from=" + Instant.parse("2000-01-01T00:00:00Z").plusSeconds(sequence.incrementAndGet()) : "";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.GOALS + "/api/view" + query))
                            .header("Authorization", token).timeout(Duration.ofSeconds(30)).build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    took.add(System.nanoTime() - start);
                    if (response.statusCode() != 200) {
                        throw new AssertionError("GET /api/view" + query + " answered " + response.statusCode());
                    }
                }
                return took;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double seconds = (System.nanoTime() - begun) / 1e9;
        threads.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latencies(millis(sorted, 0.50), millis(sorted, 0.99), sorted.length / seconds);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** The mean of the evaluation rounds that run within the next three rounds' time (at least one). */
    private double evaluationMillis() throws Exception {
        double[] first = evaluationTimer();
        double[] now = await("goals-service evaluated its goals twice").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500)).until(this::evaluationTimer, timer -> timer[0] >= first[0] + 2);
        return (now[1] - first[1]) / (now[0] - first[0]) * 1000;
    }

    /** count and sum (seconds) of smarketing_goals_evaluation_seconds. */
    private double[] evaluationTimer() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(Platform.GOALS + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double[] timer = new double[2];
        for (String line : metrics.lines().toList()) {
            if (line.startsWith("smarketing_goals_evaluation_seconds_count")) {
                timer[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("smarketing_goals_evaluation_seconds_sum")) {
                timer[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return timer;
    }

    /** Every goal's progress, one after the other. */
    private double progressMillis(List<String> goals) {
        long begun = System.nanoTime();
        for (String goal : goals) {
            as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/goals/" + goal + "/progress")
                    .then().statusCode(200);
        }
        return (System.nanoTime() - begun) / 1e6;
    }

    private static long viewNumber(String path) {
        return as("executive", Fixtures.EXECUTIVE, Platform.GOALS).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getLong(path);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
