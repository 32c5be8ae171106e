package io.smarketing.local;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.smarketing.local.DemoPlan.As;

/**
 * Measures a running platform through its public APIs, as its users load it, and prints the numbers:
 * <ul>
 * <li>capture: {@code POST /api/leads} from several clients at once (throughput, latency percentiles);</li>
 * <li>how long after the last capture answered the shared view counts them all (outbox, relay, Kafka, the
 * goals-service projection);</li>
 * <li>one lead at a time, from its POST until {@code GET /api/view} counts it;</li>
 * <li>the same while fifty dashboards follow {@code /api/view/stream}: until the last of them shows it;</li>
 * <li>qualify, assign and accept (the state machine, optimistic locking, outbox);</li>
 * <li>{@code GET /api/view} from several clients;</li>
 * <li>a 10,000-line CSV import.</li>
 * </ul>
 *
 * It adds leads (e-mails {@code bench-<run>-<n>@bench.example}), so it is meant for a platform of its own:
 * {@code ./smarketing bench} starts one in {@code .smarketing/bench} and stops it afterwards.
 */
public final class Benchmark {

    static final int DEFAULT_COUNT = 2_000;
    static final int DEFAULT_CLIENTS = 8;
    static final int WARM_UP_LEADS = 1_000;
    static final int END_TO_END_SAMPLES = 50;
    static final int DASHBOARDS = 50;
    static final Duration STREAM_WAIT = Duration.ofSeconds(60);
    static final int LIFECYCLE_LEADS = 300;
    static final int VIEW_READS = 1_000;
    static final int IMPORT_LINES = 10_000;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    static final Duration VIEW_WAIT = Duration.ofSeconds(120);

    private static final As MARKETER = As.marketing("mia");
    private static final As OWNER = new As("sales", "sam");
    private static final As EXECUTIVE = new As("executive", "erin");

    private final PlatformApi api;
    private final String goals;
    private final String leads;
    private final int count;
    private final int clientCount;
    private final ExecutorService clients;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Benchmark(PlatformApi api, String goals, String leads, int count, int clients) {
        this.api = api;
        this.goals = goals;
        this.leads = leads;
        this.count = count;
        this.clientCount = clients;
        this.clients = Executors.newFixedThreadPool(clients, task -> {
            Thread thread = new Thread(task, "benchmark-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Measures the platform at these URLs and prints the numbers ({@code count} at least {@value #LIFECYCLE_LEADS}). */
    static void measure(PrivateKey key, String goals, String leads, int count, int clients) {
        new Benchmark(new PlatformApi(key, REQUEST_TIMEOUT), goals, leads, count, clients).measure();
    }

    private void measure() {
        System.out.printf(Locale.ROOT, "Smarketing benchmark: %,d leads, %d concurrent clients, %d cores, run %s%n%n",
                count, clientCount, Runtime.getRuntime().availableProcessors(), run);
        warmUp();

        long inViewBefore = leadsInView();
        long begun = System.nanoTime();
        Timings capture = concurrently(count, n -> {
            JsonNode lead = api.call("POST", leads + "/api/leads", MARKETER, newLead("c" + n), 201);
            return lead.get("id").asText();
        });
        long answered = System.nanoTime();
        long inView = awaitLeadsInView(inViewBefore + count);
        long caughtUp = System.nanoTime();
        print("capture", "POST /api/leads", capture);
        System.out.printf(Locale.ROOT, "%-12s all %,d counted in GET /api/view %,d ms after the last answer; "
                + "first POST to all counted %.1f s (%,.0f leads/s end to end)%n", "view lag", inView - inViewBefore,
                millis(caughtUp - answered), (caughtUp - begun) / 1e9, count / ((caughtUp - begun) / 1e9));

        print("end to end", "one lead: POST until GET /api/view counts it", endToEnd());
        print("dashboards", DASHBOARDS + " live streams: POST until the last shows it", liveDashboards());

        List<String> ids = capture.results.subList(0, LIFECYCLE_LEADS);
        print("qualify", "POST /api/leads/{id}/qualify", concurrently(ids.size(),
                n -> api.call("POST", leads + "/api/leads/" + ids.get(n) + "/qualify", MARKETER, null, 200)));
        print("assign", "POST /api/leads/{id}/assign", concurrently(ids.size(),
                n -> api.call("POST", leads + "/api/leads/" + ids.get(n) + "/assign", MARKETER,
                        Map.of("ownerId", OWNER.user()), 200)));
        print("accept", "POST /api/leads/{id}/accept", concurrently(ids.size(),
                n -> api.call("POST", leads + "/api/leads/" + ids.get(n) + "/accept", OWNER, null, 200)));
        print("view read", "GET /api/view", concurrently(VIEW_READS,
                n -> api.call("GET", goals + "/api/view", EXECUTIVE, null, 200)));

        StringBuilder csv = new StringBuilder(DemoPlan.CSV_HEADER).append('\n');
        for (int n = 0; n < IMPORT_LINES; n++) {
            csv.append(email("i" + n)).append(",Imported ").append(n).append(",Bench Co,,,,WEB\n");
        }
        long importBegun = System.nanoTime();
        JsonNode imported = api.call("POST", leads + "/api/leads/import", MARKETER, csv.toString(), 200);
        long importMillis = millis(System.nanoTime() - importBegun);
        System.out.printf(Locale.ROOT, "%-12s %,d-line CSV in one POST /api/leads/import: %,d ms (%,.0f lines/s), "
                + "%s created%n", "import", IMPORT_LINES, importMillis, IMPORT_LINES * 1000.0 / importMillis,
                imported.path("created"));
        clients.shutdownNow();
    }

    /**
     * A thousand captures and a few hundred view reads first, until the view has counted them all: the
     * numbers are then of warm JVMs, not of class loading and JIT compilation competing for two cores.
     */
    private void warmUp() {
        long before = leadsInView();
        concurrently(WARM_UP_LEADS, n -> api.call("POST", leads + "/api/leads", MARKETER, newLead("w" + n), 201));
        concurrently(WARM_UP_LEADS / 3, n -> api.call("GET", goals + "/api/view", EXECUTIVE, null, 200));
        awaitLeadsInView(before + WARM_UP_LEADS);
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
                streams.add(api.follow(goals + "/api/view/stream", EXECUTIVE,
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
