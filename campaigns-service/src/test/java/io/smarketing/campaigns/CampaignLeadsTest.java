package io.smarketing.campaigns;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.campaigns.service.PerformanceProjection;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CampaignLeadsTest {

    @Inject
    PerformanceProjection performance;

    @Test
    void campaignSourcedLeadsAreFollowedThroughTheFunnel() {
        UUID campaignId = UUID.randomUUID();
        UUID leadId = UUID.randomUUID();
        TopicProbe.publish(new LeadCreated(leadId, campaignId, LeadStage.NEW, "c@example.com", "Cy", null,
                Channel.ADS, 30, "alice", Instant.now()));
        TopicProbe.publish(new LeadQualified(leadId, campaignId, LeadStage.MQL, 65, "alice", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> performance.stageOf(leadId)).equals(Optional.of(LeadStage.MQL)));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
