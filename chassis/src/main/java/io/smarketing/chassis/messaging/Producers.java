package io.smarketing.chassis.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The one way the chassis makes a Kafka producer: acks=all, idempotent, bounded waits. */
public final class Producers {

    private Producers() {
    }

    /**
     * @param kafkaConfig the service's Kafka client settings (bootstrap servers, security)
     * @param sendTimeout how long a send may block or wait for its acknowledgement
     */
    public static KafkaProducer<String, byte[]> reliable(Map<String, Object> kafkaConfig, String clientId,
            Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Senders hand over a whole batch and then wait for it: lingering would only add latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long timeout = sendTimeout.toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, 30_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout, 30_000));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }
}
