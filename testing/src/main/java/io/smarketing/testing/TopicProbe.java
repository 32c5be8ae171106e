package io.smarketing.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.SmarketingEvent;

/**
 * Talks to the real broker from tests: publishes CloudEvents records as another service would, and reads a
 * topic from the beginning until a record matches. The broker keeps topics between runs, so callers match on
 * ids they made unique, never on "the first record".
 */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Publishes an event as its owning service would (fresh ce_id); returns the ce_id. */
    public static String publish(SmarketingEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecord.toRecord(event);
        send(record);
        return header(record, CloudEventRecord.ID);
    }

    /** Sends a record as it is, acknowledged by the broker before this returns. */
    public static void send(ProducerRecord<String, byte[]> record) {
        sendAll(List.of(record));
    }

    /**
     * Sends the records in this order through one producer, all acknowledged before this returns; records sent
     * together usually reach a consumer in one poll, so in one batch.
     */
    public static void sendAll(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            records.forEach(record -> acks.add(producer.send(record)));
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + records.size() + " records", e);
        }
    }

    /** Waits until the topic holds a record that matches, and returns it. */
    public static ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        return awaitRecords(topic, match, 1).get(0);
    }

    /** Waits until the topic holds at least {@code count} matching records, and returns all that matched. */
    public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (partitions == null || partitions.isEmpty()) {
                    return false;
                }
                if (consumer.assignment().size() != partitions.size()) {
                    List<TopicPartition> all = partitions.stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(all);
                    consumer.seekToBeginning(all);
                    found.clear();
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
            return found;
        }
    }

    /** Every record the topic holds right now, in partition order. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return all;
        }
    }

    /** A record's header as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return text(record.headers().lastHeader(name));
    }

    /** A header of a record about to be sent, as text, or null. */
    public static String header(ProducerRecord<String, byte[]> record, String name) {
        return text(record.headers().lastHeader(name));
    }

    private static String text(org.apache.kafka.common.header.Header header) {
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class)
                .orElseGet(() -> System.getProperty("kafka.bootstrap.servers"));
    }
}
