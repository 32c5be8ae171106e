package io.smarketing.chassis.rebuild;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** Where the topics end, where they begin, and how far the rebuild's consumer group has committed. */
final class RebuildOffsets {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final List<String> topics;
    private final String group;
    private List<TopicPartition> partitions;

    RebuildOffsets(Admin admin, List<String> topics, String group) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.group = group;
    }

    String group() {
        return group;
    }

    Map<TopicPartition, Long> ends() {
        return offsets(OffsetSpec.latest());
    }

    Map<TopicPartition, Long> beginnings() {
        return offsets(OffsetSpec.earliest());
    }

    /** The group's committed offsets; a partition it has not committed on counts from 0. */
    Map<TopicPartition, Long> committed() {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions()) {
            OffsetAndMetadata offset = committed.get(partition);
            offsets.put(partition, offset == null ? 0L : offset.offset());
        }
        return offsets;
    }

    /** Records between the committed offsets and {@code ends}. */
    static long behind(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L))).sum();
    }

    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> wanted = partitions().stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> found = get(admin.listOffsets(wanted).all());
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<TopicPartition> partitions() {
        if (partitions == null) {
            partitions = get(admin.describeTopics(topics).allTopicNames()).values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
        }
        return partitions;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer: " + e, e);
        }
    }
}
