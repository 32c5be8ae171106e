package io.smarketing.feedback;

import static io.smarketing.feedback.Feedback.as;
import static io.smarketing.feedback.Feedback.openRound;
import static io.smarketing.feedback.Feedback.processed;
import static io.smarketing.feedback.LeadEvents.lost;
import static io.smarketing.feedback.LeadEvents.rejected;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class FieldReasonsTest {

    private static List<Map<String, Object>> reasons(String roundId, String which) {
        return as("sales", "sam").when().get("/api/feedback/rounds/" + roundId)
                .then().statusCode(200).extract().jsonPath().getList("summary." + which);
    }

    private static Map<String, Object> reason(String name, int count) {
        return Map.of("reason", name, "count", count);
    }

    private static void awaitReasons(String roundId, String which, List<Map<String, Object>> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(expected, reasons(roundId, which)));
    }

    @Test
    void reasonsThatArriveBeforeTheRoundOpensAreCountedOnceEach() {
        UUID campaignId = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        ProducerRecord<String, byte[]> annRejected = CloudEventRecord.toRecord(
                rejected(ann, campaignId, RejectionReason.NOT_A_FIT));
        TopicProbe.send(annRejected);
        TopicProbe.send(annRejected); // redelivered: the same ce_id
        TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NOT_A_FIT));
        TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NO_BUDGET));
        // same key as the duplicate, so once this one is counted the duplicate has been through too
        TopicProbe.publish(lost(ann, campaignId, LossReason.PRICE));

        String round = openRound(campaignId);

        awaitReasons(round, "topLossReasons", List.of(reason("PRICE", 1)));
        assertEquals(List.of(reason("NOT_A_FIT", 2), reason("NO_BUDGET", 1)), reasons(round, "topRejectionReasons"));
    }

    @Test
    void anOpenRoundsSummaryFollowsLeadEventsLive() {
        UUID campaignId = UUID.randomUUID();
        String round = openRound(campaignId);

        TopicProbe.publish(lost(UUID.randomUUID(), campaignId, LossReason.COMPETITOR));
        TopicProbe.publish(lost(UUID.randomUUID(), campaignId, LossReason.TIMING));
        TopicProbe.publish(lost(UUID.randomUUID(), campaignId, LossReason.TIMING));

        awaitReasons(round, "topLossReasons", List.of(reason("TIMING", 2), reason("COMPETITOR", 1)));
    }

    @Test
    void aLeadCountsWithItsLatestReasonWhateverOrderItsEventsArriveIn() {
        UUID campaignId = UUID.randomUUID();
        Instant earlier = Instant.parse("2026-10-01T08:00:00Z");
        Instant later = earlier.plus(Duration.ofDays(30));
        UUID requalified = UUID.randomUUID();
        UUID replayedOutOfOrder = UUID.randomUUID();
        TopicProbe.publish(rejected(requalified, campaignId, RejectionReason.NOT_READY, earlier));
        TopicProbe.publish(rejected(requalified, campaignId, RejectionReason.DUPLICATE, later));
        TopicProbe.publish(rejected(replayedOutOfOrder, campaignId, RejectionReason.NO_BUDGET, later));
        TopicProbe.publish(rejected(replayedOutOfOrder, campaignId, RejectionReason.BAD_CONTACT_DATA, earlier));
        // Last on each lead's partition: once these are counted, everything above has been applied.
        TopicProbe.publish(lost(requalified, campaignId, LossReason.NO_DECISION));
        TopicProbe.publish(lost(replayedOutOfOrder, campaignId, LossReason.NO_DECISION));

        String round = openRound(campaignId);

        awaitReasons(round, "topLossReasons", List.of(reason("NO_DECISION", 2)));
        assertEquals(List.of(reason("DUPLICATE", 1), reason("NO_BUDGET", 1)), reasons(round, "topRejectionReasons"));
    }

    @Test
    void onlyTheTopThreeReasonsAreListedTiesByName() {
        UUID campaignId = UUID.randomUUID();
        for (RejectionReason reason : List.of(RejectionReason.OTHER, RejectionReason.DUPLICATE,
                RejectionReason.NOT_READY, RejectionReason.NOT_READY, RejectionReason.BAD_CONTACT_DATA)) {
            TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, reason));
        }
        String round = openRound(campaignId);

        awaitReasons(round, "topRejectionReasons",
                List.of(reason("NOT_READY", 2), reason("BAD_CONTACT_DATA", 1), reason("DUPLICATE", 1)));
    }

    @Test
    void reasonsOfAnotherCampaignDoNotCount() {
        UUID campaignId = UUID.randomUUID();
        String otherCampaign = TopicProbe.publish(rejected(UUID.randomUUID(), UUID.randomUUID(), RejectionReason.NOT_A_FIT));
        String noCampaign = TopicProbe.publish(rejected(UUID.randomUUID(), null, RejectionReason.NOT_A_FIT));
        TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NO_BUDGET));
        String round = openRound(campaignId);

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(otherCampaign) && processed(noCampaign));
        awaitReasons(round, "topRejectionReasons", List.of(reason("NO_BUDGET", 1)));
    }
}
