package io.smarketing.chassis.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smarketing.chassis.rebuild.RebuildConfig;
import io.smarketing.events.Topics;

/**
 * The service's dead-letter topic ({@code smarketing.dlq.<service>}): a record no attempt can process goes
 * there, whole (key, value, headers), with where it came from and why. The inbox writes it itself, record by
 * record, so only the bad record of a batch ends up there; the header names are the ones SmallRye's
 * dead-letter strategy uses, which {@code ./smarketing dead-letters} reads.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ORIGIN_TOPIC = "dead-letter-topic";
    public static final String ORIGIN_PARTITION = "dead-letter-partition";
    public static final String ORIGIN_OFFSET = "dead-letter-offset";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final boolean rebuild;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String serviceName, RebuildConfig rebuild) {
        this.kafkaConfig = kafkaConfig;
        this.rebuild = rebuild.enabled();
        this.topic = Topics.deadLetter(serviceName);
    }

    /**
     * Sends the record to the dead-letter topic and waits until the broker acknowledged it: only then may its
     * offset be committed. A failure to send is transient (the broker is away) and thrown.
     */
    public void send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        if (rebuild) {
            // The live service sent it when it met it; had the live service applied it, the switch refuses.
            LOG.warnf("Rebuild: %s/%d@%d is not sent to %s again", record.topic(), record.partition(), record.offset(), topic);
            return;
        }
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add(ORIGIN_TOPIC, utf8(record.topic()));
        letter.headers().add(ORIGIN_PARTITION, utf8(Integer.toString(record.partition())));
        letter.headers().add(ORIGIN_OFFSET, utf8(Long.toString(record.offset())));
        letter.headers().add(REASON, utf8(String.valueOf(reason.getMessage())));
        if (reason.getCause() != null) {
            letter.headers().add(CAUSE, utf8(String.valueOf(reason.getCause().getMessage())));
        }
        try {
            producer().send(letter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterNotSent(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DeadLetterNotSent(e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = Producers.reliable(kafkaConfig, "dead-letters-" + topic, SEND_TIMEOUT);
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The broker did not take the letter: the record stays unacknowledged and is tried again. */
    public static final class DeadLetterNotSent extends RuntimeException {
        DeadLetterNotSent(Throwable cause) {
            super("The dead-letter topic did not acknowledge the letter", cause);
        }
    }
}
