package io.smarketing.feedback;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.EventJson;
import io.smarketing.events.FeedbackRoundOpened;
import io.smarketing.events.Topics;
import io.smarketing.feedback.domain.FeedbackRound;
import io.smarketing.feedback.service.RoundService;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RoundOpeningTest {

    @Inject
    RoundService rounds;

    @Inject
    EntityManager entityManager;

    @Test
    void aCompletedCampaignOpensExactlyOneRoundAndAnnouncesIt() {
        UUID campaignId = UUID.randomUUID();
        TopicProbe.publish(new CampaignCompleted(campaignId, CampaignStatus.COMPLETED, "mia", Instant.now()));
        String second = TopicProbe.publish(new CampaignCompleted(campaignId, CampaignStatus.COMPLETED, "mia",
                Instant.now()));

        var opened = TopicProbe.awaitRecord(Topics.FEEDBACK, r -> FeedbackRoundOpened.TYPE.equals(
                TopicProbe.header(r, CloudEventRecord.TYPE))
                && EventJson.read(r.value(), FeedbackRoundOpened.class).campaignId().equals(campaignId));
        UUID roundId = EventJson.read(opened.value(), FeedbackRoundOpened.class).roundId();

        given().header("Authorization", Tokens.bearer("sales", "sam"))
                .when().get("/api/feedback/rounds/" + roundId)
                .then().statusCode(200).body("campaignId", equalTo(campaignId.toString())).body("status", equalTo("OPEN"))
                .body("openedBy", equalTo("system"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(second));
        assertEquals(Optional.of(roundId), QuarkusTransaction.requiringNew()
                .call(() -> rounds.findByCampaign(campaignId).map(FeedbackRound::id)));
    }

    /** Whether the consumer went through an event (the second completion finds the round open already). */
    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from processed_event where event_id = :id")
                .setParameter("id", eventId).getResultList().isEmpty());
    }
}
