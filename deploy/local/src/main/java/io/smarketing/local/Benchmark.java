package io.smarketing.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.smarketing.events.Topics;

import io.smarketing.local.DemoPlan.As;
import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

/**
 * Measures a running platform through its public APIs, as its users load it, and prints the numbers:
 * <ul>
 * <li>capture: {@code POST /api/leads} from several clients at once (throughput, latency percentiles);</li>
 * <li>how long after the last capture answered the shared view counts them all (outbox, relay, Kafka, the
 * goals-service projection), and the CPU each process of the platform spent per lead meanwhile;</li>
 * <li>one lead at a time, from its POST until {@code GET /api/view} counts it;</li>
 * <li>the same while fifty dashboards follow {@code /api/view/stream}: until the last of them shows it;</li>
 * <li>qualify, assign and accept (the state machine, optimistic locking, outbox);</li>
 * <li>{@code GET /api/view} from several clients;</li>
 * <li>a backlog: a 100,000-line CSV import with the consumers stopped, how fast the relay publishes it, then
 * how fast each consumer, started alone, drains it (from its committed offsets, as an operator would watch
 * them);</li>
 * <li>the machine's own ceiling in the same run: pgbench's durable single-row inserts of a lead-sized row with
 * as many clients, on the same PostgreSQL; capture is quoted as a share of it.</li>
 * </ul>
 * Every commit is durable: the benchmark's PostgreSQL runs as {@code ./smarketing up} runs it.
 *
 * It adds leads (e-mails {@code bench-<run>-<n>@bench.example}), so it is meant for a platform of its own:
 * {@code ./smarketing bench} starts one in {@code .smarketing/bench} and stops it afterwards.
 */
public final class Benchmark {

    static final int DEFAULT_COUNT = 5_000;
    static final int DEFAULT_CLIENTS = 16;
    static final int DEFAULT_BACKLOG = 100_000;
    static final int WARM_UP_LEADS = 2_000;
    static final int WARM_UP_MIN_ROUNDS = 5;
    static final int WARM_UP_MAX_ROUNDS = 10;
    static final int WARM_UP_SETTLED_PERCENT = 10;
    static final int END_TO_END_SAMPLES = 50;
    static final int DASHBOARDS = 50;
    static final Duration STREAM_WAIT = Duration.ofSeconds(60);
    static final int LIFECYCLE_LEADS = 300;
    static final int VIEW_READS = 1_000;
    /** Lines per import request: 20,000 lines are about 1.4 MB, well below leads.import-max-bytes. */
    static final int IMPORT_CHUNK = 20_000;
    static final Duration DRAIN_WAIT = Duration.ofMinutes(10);
    static final int PGBENCH_SECONDS = 15;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    static final Duration VIEW_WAIT = Duration.ofSeconds(120);

    private static final As MARKETER = As.marketing("mia");
    private static final As OWNER = new As("sales", "sam");
    private static final As EXECUTIVE = new As("executive", "erin");

    private final PlatformApi api;
    private final LocalPlatform platform;
    private final Addresses addresses;
    private final DatabaseCredentials credentials;
    private final String goals;
    private final String leads;
    private final int count;
    private final int clientCount;
    private final int backlog;
    private final ExecutorService clients;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Benchmark(PlatformApi api, LocalPlatform platform, DatabaseCredentials credentials, int count, int clients,
            int backlog) {
        this.api = api;
        this.platform = platform;
        this.addresses = platform.addresses();
        this.credentials = credentials;
        this.goals = addresses.url(Platform.GOALS.name());
        this.leads = addresses.url(Platform.LEADS.name());
        this.count = count;
        this.clientCount = clients;
        this.backlog = backlog;
        this.clients = Executors.newFixedThreadPool(clients, task -> {
            Thread thread = new Thread(task, "benchmark-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Measures the platform at these addresses and prints the numbers ({@code count} at least
     * {@value #LIFECYCLE_LEADS}; a backlog of 0 skips the backlog).
     */
    static void measure(PrivateKey key, LocalPlatform platform, DatabaseCredentials credentials, int count, int clients,
            int backlog) {
        new Benchmark(new PlatformApi(key, REQUEST_TIMEOUT), platform, credentials, count, clients, backlog).measure();
    }

    private void measure() {
        System.out.printf(Locale.ROOT, "Smarketing benchmark: %,d leads, %d concurrent clients, %d cores, load average "
                + "%.1f, run %s%n%n", count, clientCount, Runtime.getRuntime().availableProcessors(), loadAverage(), run);
        warmUp();

        long inViewBefore = leadsInView();
        CpuTimes cpuBefore = CpuTimes.now(addresses.state());
        long begun = System.nanoTime();
        Timings capture = concurrently(count, n -> {
            JsonNode lead = api.call("POST", leads + "/api/leads", MARKETER, newLead("c" + n), 201);
            return lead.get("id").asText();
        });
        long answered = System.nanoTime();
        long inView = awaitLeadsInView(inViewBefore + count);
        long caughtUp = System.nanoTime();
        CpuTimes cpuAfter = CpuTimes.now(addresses.state());
        print("capture", "POST /api/leads", capture);
        System.out.printf(Locale.ROOT, "%-12s all %,d counted in GET /api/view %,d ms after the last answer; "
                + "first POST to all counted %.1f s (%,.0f leads/s end to end)%n", "view lag", inView - inViewBefore,
                millis(caughtUp - answered), (caughtUp - begun) / 1e9, count / ((caughtUp - begun) / 1e9));
        System.out.printf(Locale.ROOT, "%-12s ms of CPU per lead captured and projected, by process: %s%n", "cpu",
                cpuAfter.perUnit(cpuBefore, count, "lead"));

        print("end to end", "one lead: POST until GET /api/view counts it", endToEnd());
        print("dashboards", DASHBOARDS + " live streams: POST until the last shows it", liveDashboards());

        Lifecycle lifecycle = lifecycle(capture.results.subList(0, LIFECYCLE_LEADS));
        print("qualify", "POST /api/leads/{id}/qualify", lifecycle.qualify());
        print("assign", "POST /api/leads/{id}/assign", lifecycle.assign());
        print("accept", "POST /api/leads/{id}/accept", lifecycle.accept());
        print("view read", "GET /api/view", viewReads(VIEW_READS));

        if (backlog > 0) {
            backlog();
        }
        ceiling(capture);
        clients.shutdownNow();
    }

    /**
     * A backlog as an import makes one, and what each part does with it on its own: the consumers of
     * smarketing.leads.v1 are stopped while {@code backlog} lines are imported (requests of {@value #IMPORT_CHUNK})
     * and the relay publishes them; then each consumer is started alone and works through the whole backlog, timed
     * by its committed offsets (as an operator would watch them) from its first batch to its last.
     */
    private void backlog() {
        List<Service> consumers = Platform.SERVICES.stream().filter(service -> service.consumes().contains(Topics.LEADS)).toList();
        try (ConsumerLag lag = new ConsumerLag(addresses.kafkaBootstrap())) {
            long expectedEnd = lag.position(consumers.get(0).name(), List.of(Topics.LEADS)).end() + backlog;
            platform.stop(consumers);
            try {
                long begun = System.nanoTime();
                long created = 0;
                for (int first = 0; first < backlog; first += IMPORT_CHUNK) {
                    StringBuilder csv = new StringBuilder(DemoPlan.CSV_HEADER).append('\n');
                    for (int n = first; n < Math.min(backlog, first + IMPORT_CHUNK); n++) {
                        csv.append(email("i" + n)).append(",Imported ").append(n).append(",Bench Co,,,,WEB\n");
                    }
                    created += api.call("POST", leads + "/api/leads/import", MARKETER, csv.toString(), 200).path("created").asLong();
                }
                long importNanos = System.nanoTime() - begun;
                System.out.printf(Locale.ROOT, "%-12s %,d lines in POST /api/leads/import (%,d a request): %,d ms "
                        + "(%,.0f lines/s), %,d created%n", "import", backlog, IMPORT_CHUNK, millis(importNanos),
                        backlog / (importNanos / 1e9), created);
                awaitOffset(() -> lag.position(consumers.get(0).name(), List.of(Topics.LEADS)).end(), expectedEnd,
                        "published on " + Topics.LEADS);
                long publishedNanos = System.nanoTime() - begun;
                System.out.printf(Locale.ROOT, "%-12s %,d events on %s, first import request to the last published: "
                        + "%,.1f s (%,.0f events/s), the consumers stopped meanwhile%n", "relay", backlog, Topics.LEADS,
                        publishedNanos / 1e9, backlog / (publishedNanos / 1e9));
                for (Service consumer : consumers) {
                    platform.start(consumer);
                    drain(consumer, () -> lag.position(consumer.name(), List.of(Topics.LEADS)).committed(), expectedEnd);
                }
            } finally {
                consumers.forEach(platform::start);
            }
        }
    }

    /** One consumer alone on the backlog: from its first committed batch to the last record. */
    private static void drain(Service consumer, LongSupplier committed, long expectedEnd) {
        long before = committed.getAsLong();
        long[] first = new long[2]; // when the first batch was committed, and where it ended
        awaitOffset(() -> {
            long now = committed.getAsLong();
            if (first[0] == 0 && now > before) {
                first[0] = System.nanoTime();
                first[1] = now;
            }
            return now;
        }, expectedEnd, consumer.name() + "'s committed offsets");
        double seconds = (System.nanoTime() - first[0]) / 1e9;
        System.out.printf(Locale.ROOT, "%-12s %-18s alone: %,.0f events/s (%,d events in %,.1f s after its first batch)%n",
                "drain", consumer.name(), (expectedEnd - first[1]) / seconds, expectedEnd - first[1], seconds);
    }

    /** Polls the offset every 100 ms until it reaches {@code expected}, for at most {@link #DRAIN_WAIT}. */
    private static void awaitOffset(LongSupplier offset, long expected, String what) {
        long deadline = System.nanoTime() + DRAIN_WAIT.toNanos();
        long now;
        while ((now = offset.getAsLong()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new PlatformApi.Failure(what + " did not reach " + expected + " in " + DRAIN_WAIT.toMinutes()
                        + " min: " + now);
            }
            pause(100);
        }
    }

    /**
     * pgbench on the same PostgreSQL with as many clients: durable single-row inserts of a lead-sized row into a copy
     * of the lead table, the most a capture could do here. Capture is quoted as a share of it.
     */
    private void ceiling(Timings capture) {
        Optional<java.nio.file.Path> pgbench = PgbenchCeiling.pgbench();
        if (pgbench.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-12s NOT MEASURED: no pgbench on this machine (Debian: apt-get install "
                    + "postgresql-client)%n", "ceiling");
            return;
        }
        String database = Platform.LEADS.database();
        try {
            double ceiling = PgbenchCeiling.insertsPerSecond(pgbench.get(), addresses.postgresPort(), database,
                    credentials.user(database), credentials.password(database), clientCount, PGBENCH_SECONDS);
            double captured = capture.size() / (capture.wallNanos / 1e9);
            System.out.printf(Locale.ROOT, "%-12s pgbench, %d clients, %d s of durable single-row inserts into a copy of "
                    + "the lead table: %,.0f/s; capture above reached %,.0f/s = %.0f %% of it%n", "ceiling", clientCount,
                    PGBENCH_SECONDS, ceiling, captured, 100 * captured / ceiling);
        } catch (IOException e) {
            throw new PlatformApi.Failure("pgbench: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformApi.Failure("interrupted");
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private record Lifecycle(Timings qualify, Timings assign, Timings accept) {
    }

    /** Each lead qualified, assigned to the benchmark's rep and accepted, each step for all of them at once. */
    private Lifecycle lifecycle(List<String> ids) {
        Timings qualify = concurrently(ids.size(),
                n -> api.call("POST", leads + "/api/leads/" + ids.get(n) + "/qualify", MARKETER, null, 200));
        Timings assign = concurrently(ids.size(), n -> api.call("POST", leads + "/api/leads/" + ids.get(n) + "/assign",
                MARKETER, Map.of("ownerId", OWNER.user()), 200));
        Timings accept = concurrently(ids.size(),
                n -> api.call("POST", leads + "/api/leads/" + ids.get(n) + "/accept", OWNER, null, 200));
        return new Lifecycle(qualify, assign, accept);
    }

    private Timings viewReads(int reads) {
        return concurrently(reads, n -> api.call("GET", goals + "/api/view", EXECUTIVE, null, 200));
    }

    /**
     * Rounds of every measured call until the capture rate settles (within {@value #WARM_UP_SETTLED_PERCENT} % of
     * the round before, after at least {@value #WARM_UP_MIN_ROUNDS} and at most {@value #WARM_UP_MAX_ROUNDS}
     * rounds): on two cores the JIT compilers take a core for minutes, and a thousand calls measured them more
     * than the platform.
     */
    private void warmUp() {
        double previous = 0;
        for (int round = 1; round <= WARM_UP_MAX_ROUNDS; round++) {
            long before = leadsInView();
            int first = (round - 1) * WARM_UP_LEADS;
            Timings capture = concurrently(WARM_UP_LEADS, n -> api.call("POST", leads + "/api/leads", MARKETER,
                    newLead("w" + (first + n)), 201).get("id").asText());
            lifecycle(capture.results.subList(0, LIFECYCLE_LEADS / 3));
            viewReads(VIEW_READS / 3);
            awaitLeadsInView(before + WARM_UP_LEADS);
            double rate = capture.size() / (capture.wallNanos / 1e9);
            System.out.printf(Locale.ROOT, "warm-up round %d: %,d captures at %,.0f/s, p99 %.1f ms%n", round,
                    capture.size(), rate, capture.percentile(99));
            if (round >= WARM_UP_MIN_ROUNDS && Math.abs(rate - previous) <= previous * WARM_UP_SETTLED_PERCENT / 100) {
                break;
            }
            previous = rate;
        }
        System.out.println();
    }

    /** One lead after the other: the latency a person sees between capturing a lead and the shared view. */
    private Timings endToEnd() {
        Timings timings = new Timings();
        for (int n = 0; n < END_TO_END_SAMPLES; n++) {
            long before = leadsInView();
            long begun = System.nanoTime();
            api.call("POST", leads + "/api/leads", MARKETER, newLead("e" + n), 201);
            while (leadsInView() <= before) {
                pause(2);
            }
            timings.add(System.nanoTime() - begun, null);
        }
        return timings;
    }

    /**
     * Fifty dashboards following {@code /api/view/stream}: how long from capturing a lead until the last of
     * them shows it (the projection, the change notice, the view and fifty pushes).
     */
    private Timings liveDashboards() {
        List<AtomicLong> shown = new ArrayList<>();
        List<AutoCloseable> streams = new ArrayList<>();
        try {
            for (int n = 0; n < DASHBOARDS; n++) {
                AtomicLong leadsShown = new AtomicLong(-1);
                shown.add(leadsShown);
                // fifty people, each with a dashboard: one person may hold only a few streams at once
                streams.add(api.follow(goals + "/api/view/stream", new As("executive", "exec-" + n),
                        view -> leadsShown.set(view.path("funnel").path("leads").asLong())));
            }
            Timings timings = new Timings();
            for (int n = 0; n < END_TO_END_SAMPLES / 2; n++) {
                long before = leadsInView();
                awaitAllShow(shown, before);
                long begun = System.nanoTime();
                api.call("POST", leads + "/api/leads", MARKETER, newLead("d" + n), 201);
                awaitAllShow(shown, before + 1);
                timings.add(System.nanoTime() - begun, null);
            }
            return timings;
        } finally {
            for (AutoCloseable stream : streams) {
                try {
                    stream.close();
                } catch (Exception e) {
                    // the platform stops next anyway
                }
            }
        }
    }

    private static void awaitAllShow(List<AtomicLong> shown, long leads) {
        long deadline = System.nanoTime() + STREAM_WAIT.toNanos();
        while (shown.stream().anyMatch(count -> count.get() < leads)) {
            if (System.nanoTime() > deadline) {
                throw new PlatformApi.Failure("after " + STREAM_WAIT.toSeconds() + " s not every dashboard shows "
                        + leads + " leads: " + shown);
            }
            pause(1);
        }
    }

    private long leadsInView() {
        return api.call("GET", goals + "/api/view", EXECUTIVE, null, 200).path("funnel").path("leads").asLong();
    }

    private long awaitLeadsInView(long expected) {
        long deadline = System.nanoTime() + VIEW_WAIT.toNanos();
        while (true) {
            long counted = leadsInView();
            if (counted >= expected) {
                return counted;
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformApi.Failure("the view counts " + counted + " leads after " + VIEW_WAIT.toSeconds()
                        + " s; expected " + expected);
            }
            // a view read costs the goals-service CPU its consumer needs: ask often enough, not more
            pause(100);
        }
    }

    /** Runs {@code calls} calls on the clients and times each; the first failure stops the benchmark. */
    private <T> Timings concurrently(int calls, IntFunction<T> call) {
        List<Future<Timings.Sample>> futures = new ArrayList<>(calls);
        for (int n = 0; n < calls; n++) {
            int index = n;
            futures.add(clients.submit(() -> {
                long begun = System.nanoTime();
                T result = call.apply(index);
                return new Timings.Sample(System.nanoTime() - begun, result == null ? null : String.valueOf(result));
            }));
        }
        Timings timings = new Timings();
        long begun = System.nanoTime();
        try {
            for (Future<Timings.Sample> future : futures) {
                Timings.Sample sample = future.get();
                timings.add(sample.nanos(), sample.result());
            }
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new PlatformApi.Failure(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformApi.Failure("interrupted");
        }
        timings.wallNanos = System.nanoTime() - begun;
        return timings;
    }

    private Map<String, Object> newLead(String tag) {
        return Map.of("email", email(tag), "name", "Bench " + tag, "company", "Bench Co", "channel", "WEB");
    }

    private String email(String tag) {
        return "bench-" + run + "-" + tag + "@bench.example";
    }

    private static void print(String name, String what, Timings timings) {
        String rate = timings.wallNanos > 0
                ? String.format(Locale.ROOT, "%,8.0f/s", timings.size() / (timings.wallNanos / 1e9)) : "";
        System.out.printf(Locale.ROOT, "%-12s %-46s %,6d calls %s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  "
                + "max %6.1f ms%n", name, what, timings.size(), rate, timings.percentile(50), timings.percentile(95),
                timings.percentile(99), timings.percentile(100));
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformApi.Failure("interrupted");
        }
    }

    /** Durations of calls and what they returned, in the order they were asked for. */
    static final class Timings {

        record Sample(long nanos, String result) {
        }

        final List<String> results = new ArrayList<>();
        private final List<Long> nanos = new ArrayList<>();
        long wallNanos;

        void add(long duration, String result) {
            nanos.add(duration);
            results.add(result);
        }

        int size() {
            return nanos.size();
        }

        /** The nearest-rank percentile in milliseconds; 100 is the maximum. */
        double percentile(double percent) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percent / 100 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
        }
    }
}
