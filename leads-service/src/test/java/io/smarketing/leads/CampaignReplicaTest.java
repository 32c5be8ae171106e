package io.smarketing.leads;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.events.Channel;
import io.smarketing.leads.domain.CampaignReplica;
import io.smarketing.leads.persistence.CampaignReplicaRepository;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CampaignReplicaTest {

    @Inject
    CampaignReplicaRepository campaigns;

    @Test
    void campaignEventsFromTheTopicBuildTheReplica() {
        UUID id = UUID.randomUUID();
        TopicProbe.publish(new CampaignPlanned(id, "Spring webinar", Channel.EVENT, new BigDecimal("100000"), "JPY",
                null, "Close the books in a day", null, LocalDate.now(), LocalDate.now().plusDays(30), "mia", "sam",
                "mia", Instant.now()));
        TopicProbe.publish(new CampaignLaunched(id, CampaignStatus.ACTIVE, "mia", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CampaignStatus.ACTIVE);
        CampaignReplica campaign = QuarkusTransaction.requiringNew().call(() -> campaigns.findById(id));
        assertEquals("Close the books in a day", campaign.keyMessage());
        assertEquals("Spring webinar", campaign.name());
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> planned = CloudEventRecord.toRecord(planned(id, "Old key"));
        TopicProbe.send(planned);
        TopicProbe.publish(new CampaignUpdated(id, "Renamed", Channel.EVENT, new BigDecimal("100000"), "JPY", null,
                "New key", null, LocalDate.now(), LocalDate.now().plusDays(30), "mia", "sam", "mia", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "New key".equals(keyMessage(id)));

        TopicProbe.send(planned);
        TopicProbe.publish(new CampaignLaunched(id, CampaignStatus.ACTIVE, "mia", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CampaignStatus.ACTIVE);

        assertEquals("New key", keyMessage(id), "the replayed planned event must not restore the old key message");
    }

    @Test
    void anOlderUpdateArrivingAfterANewerOneIsIgnored() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        TopicProbe.publish(updated(id, "New key", now));
        // a late copy of an earlier change, as a dead-letter replay sends one
        TopicProbe.publish(updated(id, "Old key", now.minusSeconds(60)));
        TopicProbe.publish(new CampaignLaunched(id, CampaignStatus.ACTIVE, "mia", now.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == CampaignStatus.ACTIVE);

        assertEquals("New key", keyMessage(id));
    }

    private static CampaignUpdated updated(UUID id, String keyMessage, Instant at) {
        return new CampaignUpdated(id, "Renamed", Channel.EVENT, new BigDecimal("100000"), "JPY", null, keyMessage,
                null, LocalDate.now(), LocalDate.now().plusDays(30), "mia", "sam", "mia", at);
    }

    private static CampaignPlanned planned(UUID id, String keyMessage) {
        return new CampaignPlanned(id, "Spring webinar", Channel.EVENT, new BigDecimal("100000"), "JPY", null,
                keyMessage, null, LocalDate.now(), LocalDate.now().plusDays(30), "mia", "sam", "mia", Instant.now());
    }

    private String keyMessage(UUID id) {
        return QuarkusTransaction.requiringNew().call(
                () -> campaigns.findByIdOptional(id).map(CampaignReplica::keyMessage).orElse(null));
    }

    private CampaignStatus status(UUID id) {
        return QuarkusTransaction.requiringNew().call(
                () -> campaigns.findByIdOptional(id).map(CampaignReplica::status).orElse(null));
    }
}
