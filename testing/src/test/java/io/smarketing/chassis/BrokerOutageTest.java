package io.smarketing.chassis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class BrokerOutageTest {

    @Inject
    ProbeDatabase database;

    @Inject
    MeterRegistry meters;

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedWhenItIsBack() {
        RealInfrastructure.Broker broker = RealInfrastructure.broker();
        broker.stop();
        try {
            double failedBefore = failedRounds();
            String id = OutboxRelayTest.createNote(false, 201);

            // The relay tried, failed, and kept the row.
            await().atMost(Duration.ofSeconds(30)).until(() -> failedRounds() > failedBefore);
            assertNull(database.publishedAt(id));

            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> database.publishedAt(id) != null);
            assertNotNull(TopicProbe.awaitRecord(Topics.LEADS, r -> id.equals(r.key())));
        } finally {
            broker.start();
        }
    }

    private double failedRounds() {
        return meters.counter("smarketing.outbox.failed.rounds").count();
    }
}
