package io.smarketing.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.smarketing.platform.StateFolder;

/**
 * The CPU time each process of a local platform has used so far (its descendants too: PostgreSQL's backends),
 * read from the pid files of its state folder, and the benchmark's own clients: two readings around a
 * measurement say where its CPU went, which is what bounds throughput on a machine that has no core to spare.
 */
final class CpuTimes {

    static final String CLIENTS = "benchmark clients";

    private final Map<String, Duration> used;

    private CpuTimes(Map<String, Duration> used) {
        this.used = used;
    }

    static CpuTimes now(StateFolder state) {
        Map<String, Duration> used = new LinkedHashMap<>();
        try (Stream<Path> pids = Files.list(state.pids())) {
            pids.filter(file -> file.getFileName().toString().endsWith(".pid")).sorted().forEach(file ->
                    Processes.readPid(file).flatMap(ProcessHandle::of).ifPresent(process -> used.put(
                            file.getFileName().toString().replaceFirst("\\.pid$", ""), withDescendants(process))));
        } catch (IOException e) {
            // no pid files: nothing to attribute but the clients
        }
        used.put(CLIENTS, cpu(ProcessHandle.current()));
        return new CpuTimes(used);
    }

    /** CPU used between the two readings per process, largest first, in milliseconds per unit of work. */
    String perUnit(CpuTimes before, long units, String unit) {
        Map<String, Double> millis = new LinkedHashMap<>();
        used.forEach((name, total) -> millis.put(name,
                (total.minus(before.used.getOrDefault(name, Duration.ZERO)).toNanos() / 1e6) / units));
        double sum = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        return millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", ", "", String.format(Locale.ROOT,
                        "; %.2f ms of CPU per %s in all, so %d cores do at most %,.0f %ss/s", sum, unit, cores,
                        cores * 1000 / sum, unit)));
    }

    private static Duration withDescendants(ProcessHandle process) {
        return process.descendants().map(CpuTimes::cpu).reduce(cpu(process), Duration::plus);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
