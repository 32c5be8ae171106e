package io.smarketing.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where one platform answers: the ports of {@link Platform} for a {@link Profile}, moved by the environment
 * variables that {@code ./smarketing --help} documents. {@code up} writes them to {@link StateFolder#addresses()},
 * so that the system tests and tools find a running platform by its state folder alone, and a later {@code up} on
 * that folder brings back the same platform (the test platform on its own ports, say).
 *
 * @param instances the port of each running service instance, e.g. {@code leads-service} and {@code leads-service-2}
 */
public record Addresses(Profile profile, StateFolder state, String postgresHost, int postgresPort, boolean externalPostgres,
        String kafkaBootstrap, int kafkaPort, boolean externalKafka, Map<String, Integer> instances) {

    public static final String HOME = "SMARKETING_HOME";
    public static final String PG_HOST = "SMARKETING_PG_HOST";
    public static final String KAFKA_BOOTSTRAP = "SMARKETING_KAFKA_BOOTSTRAP";
    static final String LOCALHOST = "127.0.0.1";
    /** The port of an existing PostgreSQL named by {@value #PG_HOST}, unless SMARKETING_PG_PORT says otherwise. */
    static final int EXTERNAL_PG_PORT = 5432;

    public Addresses {
        instances = Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    }

    /**
     * The platform of a profile. The local one honours every variable; the test and bench platforms have their own
     * state folder and ports, and only take an existing PostgreSQL or Kafka from the environment.
     */
    public static Addresses resolve(Profile profile, Path repository, Map<String, String> environment) {
        boolean local = profile == Profile.LOCAL;
        Path home = local && present(environment, HOME) ? Path.of(environment.get(HOME))
                : repository.resolve(profile.home());
        Profile recorded = recordedProfile(new StateFolder(home));
        if (local && recorded != Profile.LOCAL) {
            // SMARKETING_HOME=.smarketing/test ./smarketing up: the test platform again, on its own ports
            return resolve(recorded, repository, environment);
        }
        boolean externalPostgres = present(environment, PG_HOST);
        String postgresHost = externalPostgres ? environment.get(PG_HOST) : LOCALHOST;
        int postgresPort = externalPostgres
                ? port(environment, Platform.POSTGRES.portVariable(), EXTERNAL_PG_PORT)
                : portOf(Platform.POSTGRES, profile, environment);
        boolean externalKafka = present(environment, KAFKA_BOOTSTRAP);
        int kafkaPort = portOf(Platform.KAFKA, profile, environment);
        String bootstrap = externalKafka ? environment.get(KAFKA_BOOTSTRAP) : LOCALHOST + ":" + kafkaPort;
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (Service service : Platform.SERVICES) {
            instances.put(service.name(), portOf(service.component(), profile, environment));
        }
        return new Addresses(profile, new StateFolder(home), postgresHost, postgresPort, externalPostgres, bootstrap,
                kafkaPort, externalKafka, instances);
    }

    /** The profile of the platform last started in a state folder; LOCAL when none was. */
    static Profile recordedProfile(StateFolder state) {
        if (!Files.isRegularFile(state.addresses())) {
            return Profile.LOCAL;
        }
        return Profile.valueOf(load(state).getProperty("profile", Profile.LOCAL.name()));
    }

    /** The same platform with a second instance of a service, on its port + {@value Platform#REPLICA_PORT_OFFSET}. */
    public Addresses withReplica(Service service) {
        Map<String, Integer> more = new LinkedHashMap<>(instances);
        more.put(service.replicaName(), port(service.name()) + Platform.REPLICA_PORT_OFFSET);
        return new Addresses(profile, state, postgresHost, postgresPort, externalPostgres, kafkaBootstrap, kafkaPort,
                externalKafka, more);
    }

    /** The port of a component or service instance. */
    public int port(String name) {
        if (name.equals(Platform.POSTGRES.name())) {
            return postgresPort;
        }
        if (name.equals(Platform.KAFKA.name())) {
            return kafkaPort;
        }
        Integer port = instances.get(name);
        if (port == null) {
            throw new IllegalArgumentException("No component or service instance " + name + " (" + instances.keySet() + ")");
        }
        return port;
    }

    /** e.g. {@code http://127.0.0.1:8082} for leads-service. */
    public String url(String instance) {
        return "http://" + LOCALHOST + ":" + port(instance);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    /** Writes them to the state folder, for whoever finds the platform by its state folder. */
    public void write() {
        Properties properties = new Properties();
        properties.setProperty("profile", profile.name());
        properties.setProperty("postgres.host", postgresHost);
        properties.setProperty("postgres.port", String.valueOf(postgresPort));
        properties.setProperty("postgres.external", String.valueOf(externalPostgres));
        properties.setProperty("kafka.bootstrap", kafkaBootstrap);
        properties.setProperty("kafka.port", String.valueOf(kafkaPort));
        properties.setProperty("kafka.external", String.valueOf(externalKafka));
        properties.setProperty("instances", String.join(",", instances.keySet()));
        instances.forEach((name, port) -> properties.setProperty(name + ".port", String.valueOf(port)));
        try {
            Files.createDirectories(state.root());
            Path temporary = state.addresses().resolveSibling(state.addresses().getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "Where this platform answers; written by ./smarketing up");
            }
            Files.move(temporary, state.addresses(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + state.addresses(), e);
        }
    }

    /** What {@link #write()} wrote in a state folder; fails when no platform was started there. */
    public static Addresses read(Path home) {
        StateFolder state = new StateFolder(home);
        Properties properties = load(state);
        Map<String, Integer> instances = new LinkedHashMap<>();
        for (String name : properties.getProperty("instances").split(",")) {
            instances.put(name, Integer.parseInt(properties.getProperty(name + ".port")));
        }
        return new Addresses(Profile.valueOf(properties.getProperty("profile")), state, properties.getProperty("postgres.host"),
                Integer.parseInt(properties.getProperty("postgres.port")),
                Boolean.parseBoolean(properties.getProperty("postgres.external")), properties.getProperty("kafka.bootstrap"),
                Integer.parseInt(properties.getProperty("kafka.port")),
                Boolean.parseBoolean(properties.getProperty("kafka.external")), instances);
    }

    private static Properties load(StateFolder state) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(state.addresses())) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("No platform was started in " + state.root() + " (" + e.getMessage()
                    + "): ./smarketing up writes " + state.addresses().getFileName(), e);
        }
        return properties;
    }

    private static int portOf(Component component, Profile profile, Map<String, String> environment) {
        int port = component.defaultPort() + profile.portOffset();
        return profile == Profile.LOCAL ? port(environment, component.portVariable(), port) : port;
    }

    private static int port(Map<String, String> environment, String variable, int otherwise) {
        if (!present(environment, variable)) {
            return otherwise;
        }
        String value = environment.get(variable).strip();
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + "=" + value + " is not a port (1-65535)");
        }
    }

    private static boolean present(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
