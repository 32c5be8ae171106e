package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.Topics;
import io.smarketing.platform.Addresses;
import io.smarketing.platform.Profile;

/**
 * {@code ./smarketing dead-letters <service> --replay} against a real broker, which the launcher's own KafkaBroker
 * starts: a letter goes back only to the topic it came from, only if the service consumes it, and only if its
 * ce_type belongs there.
 */
class DeadLettersReplayTest {

    private static final String GOALS_LETTERS = Topics.deadLetter("goals-service");

    @TempDir
    static Path home;

    private static LocalPlatform platform;
    private static String bootstrap;

    @BeforeAll
    static void startKafka() {
        int port = SupervisorTest.freePort();
        while (!Probes.portFree(port + 1)) {
            port = SupervisorTest.freePort();
        }
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Launcher launcher = new Launcher(home, Map.of("SMARKETING_HOME", home.toString(), "SMARKETING_KAFKA_PORT",
                String.valueOf(port)), new Console(out), out);
        Addresses addresses = Addresses.resolve(Profile.LOCAL, home, launcher.environment());
        platform = new LocalPlatform(launcher, addresses);
        Processes processes = new Processes(addresses.state(), out);
        new KafkaBroker(launcher, processes, addresses).ensureRunning(new Supervisor(processes, launcher.console()), launcher.console());
        bootstrap = addresses.kafkaBootstrap();
    }

    @AfterAll
    static void stopKafka() {
        platform.down();
    }

    @Test
    void aLetterGoesBackOnlyToAConsumedTopicThatItsTypeBelongsOn() {
        String run = UUID.randomUUID().toString();
        String good = "good-" + run;
        String notConsumed = "not-consumed-" + run;
        String wrongTopic = "wrong-topic-" + run;
        String noOrigin = "no-origin-" + run;
        send(letter(good, LeadCreated.TYPE, Topics.LEADS));
        send(letter(notConsumed, LeadCreated.TYPE, Topics.GOALS)); // goals-service publishes it, never consumes it
        send(letter(wrongTopic, LeadCreated.TYPE, Topics.CAMPAIGNS)); // consumed, but no lead event belongs there
        send(letter(noOrigin, CampaignLaunched.TYPE, null));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(0, DeadLetters.run(bootstrap, "goals-service", true, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("its dead-letter-topic header names smarketing.goals.v1, which goals-service does not "
                + "consume (it consumes smarketing.campaigns.v1, smarketing.feedback.v1, smarketing.leads.v1)"), output);
        assertTrue(output.contains("it is a " + LeadCreated.TYPE + ", which belongs on smarketing.leads.v1, not on "
                + "smarketing.campaigns.v1"), output);
        assertTrue(output.contains("it has no dead-letter-topic header"), output);
        assertTrue(output.contains(GOALS_LETTERS + ": 1 dead letter sent back to where it came from, 3 refused"), output);

        assertEquals(List.of(good), keysOn(Topics.LEADS, run));
        assertEquals(List.of(), keysOn(Topics.GOALS, run), "nothing sent where it does not belong");
        assertEquals(List.of(), keysOn(Topics.CAMPAIGNS, run));

        printed.reset();
        assertEquals(0, DeadLetters.run(bootstrap, "goals-service", false, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        String listing = printed.toString(StandardCharsets.UTF_8);
        assertTrue(listing.lines().anyMatch(line -> line.contains("key " + good) && line.endsWith("(replayed)")), listing);
        assertTrue(listing.lines().anyMatch(line -> line.contains("key " + notConsumed) && line.contains("(never replayed: its "
                + "dead-letter-topic header names smarketing.goals.v1")), listing);
    }

    private static ProducerRecord<String, String> letter(String key, String ceType, String origin) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(GOALS_LETTERS, key, "{}");
        letter.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("ce_type", ceType.getBytes(StandardCharsets.UTF_8));
        if (origin != null) {
            letter.headers().add("dead-letter-topic", origin.getBytes(StandardCharsets.UTF_8));
        }
        letter.headers().add("dead-letter-reason", "a test".getBytes(StandardCharsets.UTF_8));
        return letter;
    }

    private static void send(ProducerRecord<String, String> record) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of this run's records on a topic, read from its beginning to its end. */
    private static List<String> keysOn(String topic, String run) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> keys = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().endsWith(run)) {
                        keys.add(record.key());
                    }
                }
            }
            return keys;
        }
    }
}
