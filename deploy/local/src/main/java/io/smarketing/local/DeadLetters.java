package io.smarketing.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventType;
import io.smarketing.events.Topics;
import io.smarketing.platform.Platform;

/**
 * What a service put on its dead-letter topic, and, once the cause is fixed, sending it back.
 *
 * Without {@code --replay} it lists every dead letter (where it came from, its CloudEvents type and id, the
 * reason) and changes nothing. With {@code --replay} it republishes each dead letter not replayed before to
 * the topic it came from, with its key and CloudEvents headers ({@link #refusal} says which letters never go back,
 * and why): every consumer group of that topic sees it
 * again, and those that had processed it skip it (the inbox deduplicates by {@code ce_id}). Which letters were
 * replayed is kept as the offsets of the consumer group {@code smarketing-dead-letters-<service>}, so a second
 * run does not send a letter twice. A letter that fails again simply comes back as a new dead letter.
 * Client settings for SASL or TLS come from the properties file named in
 * {@code SMARKETING_KAFKA_CLIENT_PROPERTIES}.
 */
public final class DeadLetters {

    static final String ORIGIN_TOPIC = "dead-letter-topic";
    static final String ORIGIN_PARTITION = "dead-letter-partition";
    static final String ORIGIN_OFFSET = "dead-letter-offset";
    static final String REASON = "dead-letter-reason";
    /** The CloudEvents binary-mode header that names the event type. */
    static final String CE_TYPE = "ce_type";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    static final String CLIENT_PROPERTIES = "SMARKETING_KAFKA_CLIENT_PROPERTIES";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String service;
    /** The topics the service consumes: the only ones its letters may go back to. */
    private final Set<String> consumed;
    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final PrintStream out;

    private DeadLetters(String bootstrap, String service, PrintStream out) {
        this.service = service;
        this.consumed = Platform.service(service).orElseThrow(() -> new IllegalArgumentException("no service " + service))
                .consumes();
        this.topic = Topics.deadLetter(service);
        this.out = out;
        Properties config = clientSettings(bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup(service));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Lists the service's dead letters, or replays them; 0 when it could, 1 when Kafka failed it. */
    static int run(String bootstrap, String service, boolean replay, PrintStream out) {
        DeadLetters deadLetters = new DeadLetters(bootstrap, service, out);
        try (KafkaConsumer<byte[], byte[]> closing = deadLetters.consumer) {
            if (replay) {
                deadLetters.replay(bootstrap);
            } else {
                deadLetters.list();
            }
            return 0;
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            System.err.println("smarketing: dead-letters: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static String replayGroup(String service) {
        return "smarketing-dead-letters-" + service;
    }

    private void list() {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> replayedUpTo = replayedUpTo(partitions);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<ConsumerRecord<byte[], byte[]>> letters = readToEnd(partitions);
        long waiting = letters.stream()
                .filter(letter -> letter.offset() >= replayedUpTo.get(new TopicPartition(topic, letter.partition())))
                .count();
        out.printf("%s: %d dead letter%s, %d not replayed yet%n", topic, letters.size(), letters.size() == 1 ? "" : "s",
                waiting);
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            boolean replayed = letter.offset() < replayedUpTo.get(new TopicPartition(topic, letter.partition()));
            Optional<String> refusal = refusal(letter);
            out.printf("  %d@%d  %s  from %s/%s@%s  %s %s  key %s%s%n      %s%n", letter.partition(), letter.offset(),
                    Instant.ofEpochMilli(letter.timestamp()), header(letter, ORIGIN_TOPIC), header(letter, ORIGIN_PARTITION),
                    header(letter, ORIGIN_OFFSET), header(letter, CE_TYPE), header(letter, "ce_id"),
                    letter.key() == null ? "-" : new String(letter.key(), StandardCharsets.UTF_8),
                    refusal.map(reason -> "  (never replayed: " + reason + ")").orElse(replayed ? "  (replayed)" : ""),
                    header(letter, REASON));
        }
    }

    private void replay(String bootstrap) throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = partitions();
        Map<TopicPartition, Long> replayedUpTo = replayedUpTo(partitions);
        consumer.assign(partitions);
        replayedUpTo.forEach(consumer::seek);
        List<ConsumerRecord<byte[], byte[]>> letters = readToEnd(partitions);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        int replayed = 0;
        int refused = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                Optional<String> refusal = refusal(letter);
                if (refusal.isPresent()) {
                    out.printf("  %d@%d not sent: %s%n", letter.partition(), letter.offset(), refusal.get());
                    refused++;
                } else {
                    producer.send(backToOrigin(letter, header(letter, ORIGIN_TOPIC))).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    replayed++;
                }
                done.merge(new TopicPartition(topic, letter.partition()), new OffsetAndMetadata(letter.offset() + 1),
                        (known, next) -> known.offset() >= next.offset() ? known : next);
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        out.printf("%s: %d dead letter%s sent back to where %s came from%s%n", topic, replayed,
                replayed == 1 ? "" : "s", replayed == 1 ? "it" : "they",
                refused == 0 ? "" : ", " + refused + " refused");
    }

    /**
     * Why a letter must not go back, if it must not: it goes only to the topic it came from, only if this service
     * consumes that topic, and only if its {@code ce_type} is one the contract publishes there. Anything else would
     * let a letter (or whoever wrote it) put an event on a topic where it does not belong.
     */
    Optional<String> refusal(ConsumerRecord<byte[], byte[]> letter) {
        String origin = header(letter, ORIGIN_TOPIC);
        if (origin == null) {
            return Optional.of("it has no " + ORIGIN_TOPIC + " header, so where it came from is unknown");
        }
        if (!consumed.contains(origin)) {
            return Optional.of("its " + ORIGIN_TOPIC + " header names " + origin + ", which " + service
                    + " does not consume (it consumes " + String.join(", ", new TreeSet<>(consumed)) + ")");
        }
        String ceType = header(letter, CE_TYPE);
        Optional<EventType<?>> type = EventCatalog.byCeType(ceType);
        if (type.isEmpty()) {
            return Optional.of("its ce_type " + ceType + " is no event type of the contract");
        }
        if (!type.get().topic().equals(origin)) {
            return Optional.of("it is a " + ceType + ", which belongs on " + type.get().topic() + ", not on " + origin);
        }
        return Optional.empty();
    }

    /** The original record again: same key, value and headers, without the ones the dead-lettering added. */
    private static ProducerRecord<byte[], byte[]> backToOrigin(ConsumerRecord<byte[], byte[]> letter, String origin) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(origin, letter.key(), letter.value());
        for (Header header : letter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                record.headers().add(header);
            }
        }
        return record;
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new KafkaException("No topic " + topic + ": is " + service + " a service that consumes events?");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Per partition, the first offset not replayed yet (the beginning when nothing was). */
    private Map<TopicPartition, Long> replayedUpTo(List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> upTo = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            upTo.put(partition, Math.max(beginnings.get(partition), offset == null ? 0 : offset.offset()));
        }
        return upTo;
    }

    private List<ConsumerRecord<byte[], byte[]>> readToEnd(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("Could not read " + topic + " to its end within " + TIMEOUT.toSeconds() + " s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(letter -> {
                if (letter.offset() < ends.get(new TopicPartition(topic, letter.partition()))) {
                    letters.add(letter);
                }
            });
        }
        letters.sort((a, b) -> a.timestamp() != b.timestamp() ? Long.compare(a.timestamp(), b.timestamp())
                : a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()));
        return letters;
    }

    /**
     * The bootstrap servers, plus the settings of a properties file named by {@value #CLIENT_PROPERTIES}
     * when set: how a cluster with SASL or TLS listeners is reached.
     */
    private static Properties clientSettings(String bootstrap) {
        Properties config = new Properties();
        String file = System.getenv(CLIENT_PROPERTIES);
        if (file != null && !file.isBlank()) {
            try (Reader reader = Files.newBufferedReader(Path.of(file))) {
                config.load(reader);
            } catch (IOException e) {
                throw new KafkaException("Cannot read " + CLIENT_PROPERTIES + " file " + file + ": " + e.getMessage());
            }
        }
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    private static Properties producerConfig(String bootstrap) {
        Properties config = clientSettings(bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return config;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
