package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SharedViewTest {

    @Test
    void leadEventsFromTheTopicAreCountedInTheFunnelOnceEach() {
        long leadsBefore = funnel("leads");
        long mqlsBefore = funnel("mqls");
        UUID leadId = UUID.randomUUID();
        ProducerRecord<String, byte[]> created = CloudEventRecord.toRecord(new LeadCreated(leadId, null, LeadStage.NEW,
                "view@example.com", "Vi", null, Channel.WEB, 20, "alice", Instant.now()), TopicProbe.TEST_SOURCE);

        TopicProbe.send(created);
        TopicProbe.send(created);
        TopicProbe.publish(new LeadQualified(leadId, null, LeadStage.MQL, 70, "alice", Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> funnel("mqls") == mqlsBefore + 1);
        assertEquals(leadsBefore + 1, funnel("leads"));
    }

    @Test
    void theViewNeedsAToken() {
        given().when().get("/api/view").then().statusCode(401);
    }

    private static long funnel(String stage) {
        return given().header("Authorization", Tokens.bearer("executive", "erin"))
                .when().get("/api/view")
                .then().statusCode(200).extract().jsonPath().getLong("funnel." + stage);
    }
}
