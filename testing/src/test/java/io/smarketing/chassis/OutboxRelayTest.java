package io.smarketing.chassis;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class OutboxRelayTest {

    @Inject
    ProbeDatabase database;

    @Test
    void committedChangeIsPublishedAsBinaryCloudEventKeyedByAggregate() {
        String id = createNote(false, 201);

        ConsumerRecord<String, byte[]> record = TopicProbe.awaitRecord(Topics.LEADS, r -> id.equals(r.key()));

        assertEquals("io.smarketing.lead.created.v1", TopicProbe.header(record, CloudEventRecord.TYPE));
        assertEquals("/smarketing/chassis-test", TopicProbe.header(record, CloudEventRecord.SOURCE));
        assertEquals(id, TopicProbe.header(record, CloudEventRecord.SUBJECT));
        assertEquals("1.0", TopicProbe.header(record, CloudEventRecord.SPEC_VERSION));
        assertEquals("application/json", TopicProbe.header(record, CloudEventRecord.CONTENT_TYPE));
        assertNotNull(UUID.fromString(TopicProbe.header(record, CloudEventRecord.ID)));
        assertNotNull(TopicProbe.header(record, CloudEventRecord.TIME));
        String data = new String(record.value(), StandardCharsets.UTF_8);
        assertTrue(data.contains("\"leadId\":\"" + id + "\""), data);
        await().atMost(Duration.ofSeconds(10)).until(() -> database.publishedAt(id) != null);
    }

    @Test
    void rolledBackChangePublishesNothing() {
        String rolledBack = given().auth().none().header("Authorization", Tokens.bearer("marketing", "mia"))
                .contentType(ContentType.JSON).body("{\"text\":\"doomed\",\"channel\":\"WEB\"}")
                .queryParam("fail", true)
                .when().post("/api/probe/notes")
                .then().statusCode(409).extract().path("detail").toString().split(" ")[1];
        assertEquals(0, database.outboxRows(rolledBack));

        String committed = createNote(false, 201);
        List<ConsumerRecord<String, byte[]>> seen = TopicProbe.awaitRecords(Topics.LEADS,
                r -> Set.of(rolledBack, committed).contains(r.key()), 1);

        assertEquals(List.of(committed), seen.stream().map(ConsumerRecord::key).toList());
    }

    static String createNote(boolean fail, int status) {
        return given().header("Authorization", Tokens.bearer("marketing", "mia"))
                .contentType(ContentType.JSON).body("{\"text\":\"hello\",\"channel\":\"WEB\"}")
                .queryParam("fail", fail)
                .when().post("/api/probe/notes")
                .then().statusCode(status).extract().path("id");
    }
}
