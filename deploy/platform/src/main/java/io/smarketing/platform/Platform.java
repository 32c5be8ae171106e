package io.smarketing.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.smarketing.events.Topics;

/**
 * The platform, written once: its components, their ports, databases and consumed topics, how each starts,
 * what it waits for and when it is ready. The launcher ({@code ./smarketing}), the system tests (through
 * {@link Addresses}) and the Kubernetes manifest checks read it from here.
 */
public final class Platform {

    /** SmallRye Health's readiness endpoint, the same on every service. */
    public static final String READINESS_PATH = "/q/health/ready";
    /** The second instance of a service is called {@code <service>-2}. */
    public static final String REPLICA_SUFFIX = "-2";
    /** How far the second instance's port is from the first's, e.g. 8092 for leads-service on 8082. */
    public static final int REPLICA_PORT_OFFSET = 10;

    /**
     * Durable commits: zonky's embedded PostgreSQL would otherwise commit asynchronously by default, and a
     * crash would lose commits that were already answered, published or acknowledged to Kafka. TCP on 127.0.0.1
     * only: no Unix socket, whose lock file in /tmp would clash with any other PostgreSQL on the same port number
     * (another network namespace, another state folder). A checkpoint at most every 4 GB of WAL rather than every
     * 1 GB: a replay of the log or a large import writes a gigabyte in half a minute, and every checkpoint within it
     * makes the next change of each page write the whole page to the WAL again.
     */
    public static final Component POSTGRES = new Component("postgres", "PostgreSQL", 15432, "SMARKETING_PG_PORT", 1,
            List.of(), new Start.EmbeddedPostgres(Map.of(
                    "synchronous_commit", "on",
                    "fsync", "on",
                    "max_wal_size", "4GB",
                    "listen_addresses", "127.0.0.1",
                    "unix_socket_directories", "",
                    "password_encryption", "scram-sha-256")),
            new Readiness.AcceptsConnections());

    /** A single-node KRaft broker; its controller listens on the next port. */
    public static final Component KAFKA = new Component("kafka", "Kafka", 19092, "SMARKETING_KAFKA_PORT", 2,
            List.of(), new Start.JavaMain("kafka.Kafka", List.of("-Xmx512m")),
            new Readiness.LogLine("Kafka Server started"));

    public static final Service GOALS = Service.of("goals", 8081, Topics.LEADS, Topics.CAMPAIGNS, Topics.FEEDBACK);
    public static final Service LEADS = Service.of("leads", 8082, Topics.CAMPAIGNS);
    public static final Service CAMPAIGNS = Service.of("campaigns", 8083, Topics.LEADS);
    public static final Service FEEDBACK = Service.of("feedback", 8084, Topics.CAMPAIGNS, Topics.LEADS);

    public static final List<Service> SERVICES = List.of(GOALS, LEADS, CAMPAIGNS, FEEDBACK);
    /** Every component, dependencies before what depends on them. */
    public static final List<Component> COMPONENTS = Stream.concat(Stream.of(POSTGRES, KAFKA),
            SERVICES.stream().map(Service::component)).toList();

    private Platform() {
    }

    public static List<String> serviceNames() {
        return SERVICES.stream().map(Service::name).toList();
    }

    public static List<String> componentNames() {
        return COMPONENTS.stream().map(Component::name).toList();
    }

    public static Optional<Service> service(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    public static Optional<Component> component(String name) {
        return COMPONENTS.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    /**
     * The start order as waves: every component of a wave depends only on earlier waves, so the components of one
     * wave start in parallel (PostgreSQL and Kafka, then the four services).
     */
    public static List<List<Component>> startWaves() {
        Map<String, Integer> wave = new LinkedHashMap<>();
        List<List<Component>> waves = new ArrayList<>();
        for (Component component : COMPONENTS) {
            int index = 0;
            for (String dependency : component.dependsOn()) {
                Integer before = wave.get(dependency);
                if (before == null) {
                    throw new IllegalStateException(component.name() + " depends on " + dependency
                            + ", which is not listed before it");
                }
                index = Math.max(index, before + 1);
            }
            wave.put(component.name(), index);
            while (waves.size() <= index) {
                waves.add(new ArrayList<>());
            }
            waves.get(index).add(component);
        }
        return waves.stream().map(List::copyOf).toList();
    }
}
