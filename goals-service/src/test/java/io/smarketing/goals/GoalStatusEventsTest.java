package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Channel;
import io.smarketing.events.EventJson;
import io.smarketing.events.GoalAchieved;
import io.smarketing.events.GoalAtRisk;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class GoalStatusEventsTest {

    @Test
    void aGoalAnnouncesBeingAtRiskAndThenAchievedOnceEach() {
        UUID campaign = UUID.randomUUID();
        String goalId = given().header("Authorization", Tokens.bearer("executive", "erin"))
                .contentType(ContentType.JSON)
                .body(GoalResourceTest.goalJson("LEADS", "2", "[\"sam\"]", "[\"mia\"]", campaign))
                .when().post("/api/goals").then().statusCode(201).extract().path("id");

        // A third of the period gone and no lead yet: the run rate says the target will be missed.
        ConsumerRecord<String, byte[]> atRisk = TopicProbe.awaitRecord(Topics.GOALS,
                r -> goalId.equals(r.key()) && GoalAtRisk.TYPE.equals(TopicProbe.header(r, CloudEventRecord.TYPE)));
        assertEquals(0, EventJson.read(atRisk.value(), GoalAtRisk.class).actual().signum());

        for (int i = 0; i < 2; i++) {
            TopicProbe.publish(new LeadCreated(UUID.randomUUID(), campaign, LeadStage.NEW, "g" + i + "@example.com",
                    "Gil", null, Channel.WEB, 10, "mia", Instant.now()));
        }
        ConsumerRecord<String, byte[]> achieved = TopicProbe.awaitRecord(Topics.GOALS,
                r -> goalId.equals(r.key()) && GoalAchieved.TYPE.equals(TopicProbe.header(r, CloudEventRecord.TYPE)));
        assertEquals(2, EventJson.read(achieved.value(), GoalAchieved.class).actual().intValue());

        // The timer keeps evaluating every second; the goal's own record shows it stays announced once.
        given().header("Authorization", Tokens.bearer("sales", "sam")).when().get("/api/goals/" + goalId)
                .then().statusCode(200).body("lastStatus", org.hamcrest.Matchers.equalTo("ACHIEVED"));
        List<String> statusEvents = TopicProbe.awaitRecords(Topics.GOALS, r -> goalId.equals(r.key()), 3).stream()
                .map(r -> TopicProbe.header(r, CloudEventRecord.TYPE)).toList();
        assertEquals(List.of("io.smarketing.goal.set.v1", GoalAtRisk.TYPE, GoalAchieved.TYPE), statusEvents);
    }
}
