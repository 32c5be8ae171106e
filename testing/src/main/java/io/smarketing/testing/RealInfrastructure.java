package io.smarketing.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.smarketing.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server and a real Kafka broker for {@code @QuarkusTest}s, each started once per test JVM
 * on free ports (PostgreSQL from Maven-served binaries, a KRaft broker in process), plus a fresh RSA key pair
 * that the service trusts for the run and {@link Tokens} signs with. Nothing here is a mock: the service
 * under test speaks JDBC and the Kafka protocol to them.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static Database postgres;
    private static Broker broker;
    private static String publicKeyPem;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            postgres = new Database();
            postgres.start();
            broker = new Broker();
            broker.start();
            publicKeyPem = createKeys();
        }
        String jdbcUrl = postgres.jdbcUrl();
        System.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "mp.jwt.verify.publickey", publicKeyPem);
    }

    @Override
    public void stop() {
        // Kept for the JVM's lifetime: every test class of the module shares one database and one broker.
    }

    /** The database server, for tests that take it down and bring it back. */
    public static Database database() {
        return postgres;
    }

    /** The broker, for tests that take it down and bring it back. */
    public static Broker broker() {
        return broker;
    }

    private static String createKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path privateKey = Files.createTempFile("smarketing-test-key", ".pem");
            privateKey.toFile().deleteOnExit();
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            System.setProperty(Tokens.PRIVATE_KEY_PROPERTY, privateKey.toString());
            return pem("PUBLIC KEY", keys.getPublic().getEncoded());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Could not create the test signing keys", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + label + "-----\n";
    }

    /** PostgreSQL on a fixed port and data directory, so it can stop and come back with its data. */
    public static final class Database {

        private final int port = freePort();
        private final Path dataDir = temporaryDirectory("smarketing-test-postgres");
        private EmbeddedPostgres running;

        Database() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop();
                deleteTree(dataDir);
            }));
        }

        public synchronized void start() {
            if (running == null) {
                try {
                    // Durable as in production: the embedded default, asynchronous commit, would let a
                    // SIGKILL of the server lose commits that were already answered.
                    running = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir)
                            .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                            .setCleanDataDirectory(false).start();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start the test PostgreSQL", e);
                }
            }
        }

        public synchronized void stop() {
            if (running != null) {
                try {
                    running.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not stop the test PostgreSQL", e);
                } finally {
                    running = null;
                }
            }
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }
    }

    /** A single-node KRaft broker on fixed ports and a kept log directory, so it can stop and come back. */
    public static final class Broker {

        private static final int PARTITIONS = 3;

        private final int port = freePort();
        private final int controllerPort = freePortOtherThan(port);
        private final String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        private final Path logDir = temporaryDirectory("smarketing-test-kafka");
        private EmbeddedKafkaBroker running;

        Broker() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop();
                deleteTree(logDir);
            }));
        }

        public synchronized void start() {
            if (running == null) {
                running = new EmbeddedKafkaBroker()
                        .withKafkaPort(port)
                        .withControllerPort(controllerPort)
                        .withClusterId(clusterId)
                        .withDeleteLogDirsOnClose(false)
                        .withAdditionalProperties(properties -> {
                            properties.put("log.dirs", logDir.toString());
                            properties.put("num.partitions", String.valueOf(PARTITIONS));
                        })
                        .start();
                createEventTopics();
            }
        }

        /**
         * Creates the event topics up front, as the platform does: a consumer that subscribed before a topic
         * existed would otherwise see only the partitions of its first metadata answer for minutes.
         */
        private void createEventTopics() {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
                Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                List<NewTopic> missing = Topics.EVENT_TOPICS.stream().filter(topic -> !existing.contains(topic))
                        .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList();
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // a slow broker (a loaded machine) may answer the admin client's retry of a creation it did
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create the event topics", e);
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Could not create the event topics", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating the event topics", e);
            }
        }

        public synchronized void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }

    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OS may hand out a port it just handed out, once its socket is closed: the broker needs two. */
    private static int freePortOtherThan(int taken) {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the operating system cleans it up eventually
        }
    }
}
