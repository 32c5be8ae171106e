package io.smarketing.containers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.smarketing.events.Topics;

/** How many records each service's dead-letter topic holds (end minus beginning offsets, every partition). */
final class DeadLetters {

    private DeadLetters() {
    }

    static Map<String, Long> count(String bootstrap, List<String> services) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "smarketing-containers-dead-letters");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String service : services) {
                String topic = Topics.deadLetter(service);
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(partition -> new TopicPartition(topic, partition.partition())).toList();
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                long records = consumer.endOffsets(partitions).entrySet().stream()
                        .mapToLong(end -> end.getValue() - begin.get(end.getKey())).sum();
                counts.put(service, records);
            }
        }
        return counts;
    }
}
