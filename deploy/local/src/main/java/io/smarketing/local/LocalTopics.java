package io.smarketing.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.smarketing.events.Topics;
import io.smarketing.platform.Platform;

/**
 * Creates the platform's topics if they are missing: the four event topics (3 partitions) and one dead-letter
 * topic per service (1 partition), replication 1. Event topics keep every record, as in deploy/k8s (a rebuild
 * replays them from offset 0), dead letters 30 days; a topic made before with other retention gets these.
 * Waits up to 60 s for the broker to answer.
 */
public final class LocalTopics {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final String RETENTION = TopicConfig.RETENTION_MS_CONFIG;
    static final String KEEP_FOREVER = "-1";
    static final String DEAD_LETTER_RETENTION = String.valueOf(TimeUnit.DAYS.toMillis(30));

    private LocalTopics() {
    }

    /** Creates what is missing and says how many it created. */
    static String create(String bootstrap) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        awaitListening(bootstrap, deadline);

        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "smarketing-local-topics");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = existingTopics(admin, bootstrap, deadline);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : wanted()) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            int created = 0;
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created++;
                } catch (ExecutionException | TimeoutException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new LauncherException("could not create topic " + result.getKey() + ": " + e.getCause());
                    }
                }
            }
            keepRecords(admin, existing);
            return String.format("topics: %d created, %d already there (%s)", created, wanted().size() - created, bootstrap);
        }
    }

    static List<NewTopic> wanted() {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : Topics.EVENT_TOPICS) {
            topics.add(new NewTopic(name, 3, (short) 1).configs(Map.of(RETENTION, KEEP_FOREVER)));
        }
        for (String service : Platform.serviceNames()) {
            topics.add(new NewTopic(Topics.deadLetter(service), 1, (short) 1).configs(Map.of(RETENTION, DEAD_LETTER_RETENTION)));
        }
        return topics;
    }

    /** Topics that existed before get the retention of {@link #wanted()} (a state folder of an earlier launcher). */
    private static void keepRecords(Admin admin, Set<String> existing) {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (NewTopic topic : wanted()) {
            if (existing.contains(topic.name())) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), List.of(new AlterConfigOp(
                        new ConfigEntry(RETENTION, topic.configs().get(RETENTION)), AlterConfigOp.OpType.SET)));
            }
        }
        try {
            admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new LauncherException("could not set the retention of the topics: " + e);
        }
    }

    /** A plain TCP check first keeps the admin client from logging a warning per failed connection. */
    private static void awaitListening(String bootstrap, long deadline) throws InterruptedException {
        String first = bootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        String host = first.substring(0, colon);
        int port = Integer.parseInt(first.substring(colon + 1));
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new LauncherException("Kafka at " + bootstrap + " did not answer within 60 s: " + e.getMessage());
                }
                Thread.sleep(250);
            }
        }
    }

    private static Set<String> existingTopics(Admin admin, String bootstrap, long deadline) throws InterruptedException {
        while (true) {
            try {
                return admin.listTopics().names().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                if (System.nanoTime() > deadline) {
                    throw new LauncherException("Kafka at " + bootstrap + " did not list its topics within 60 s: " + e);
                }
                Thread.sleep(500);
            }
        }
    }
}
