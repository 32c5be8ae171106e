package io.smarketing.local;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group is behind on the topics it reads: the end offsets of the topics minus the
 * group's committed offsets. The benchmark watches it drain to measure a consumer's rate from outside, as an
 * operator would (the same numbers as {@code kafka-consumer-groups --describe}).
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
    }

    /** Records of the topics the group has not committed yet (all of a partition it never committed). */
    long lag(String group, Collection<String> topics) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + group + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Waits until the group has no lag left; returns how long that took, or throws when it takes longer than
     * {@code patience}.
     */
    Duration awaitDrained(String group, Collection<String> topics, Duration patience) throws InterruptedException {
        long started = System.nanoTime();
        while (lag(group, topics) > 0) {
            if (System.nanoTime() - started > patience.toNanos()) {
                throw new IllegalStateException(group + " still has " + lag(group, topics) + " records to go after "
                        + patience);
            }
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
