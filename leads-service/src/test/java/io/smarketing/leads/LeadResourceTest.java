package io.smarketing.leads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.EventJson;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LeadResourceTest {

    private static String newLead(String email) {
        return "{\"email\":\"" + email + "\",\"name\":\"Ann Lee\",\"company\":\"Acme\",\"channel\":\"WEB\"}";
    }

    @Test
    void marketingCapturesALeadAndLeadCreatedIsPublished() {
        String email = UUID.randomUUID() + "@example.com";
        String id = given().header("Authorization", Tokens.bearer("marketing", "alice"))
                .contentType(ContentType.JSON).body(newLead(email))
                .when().post("/api/leads")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/leads/"))
                .body("email", equalTo(email)).body("stage", equalTo("NEW"))
                .extract().path("id");

        ConsumerRecord<String, byte[]> record = TopicProbe.awaitRecord(Topics.LEADS, r -> id.equals(r.key()));
        assertEquals(LeadCreated.TYPE, TopicProbe.header(record, CloudEventRecord.TYPE));
        assertEquals("/smarketing/leads-service", TopicProbe.header(record, CloudEventRecord.SOURCE));
        LeadCreated event = EventJson.read(record.value(), LeadCreated.class);
        assertEquals(email, event.email());
        assertEquals("alice", event.by());
        assertEquals(LeadStage.NEW, event.stage());

        given().header("Authorization", Tokens.bearer("sales", "sam"))
                .when().get("/api/leads/" + id)
                .then().statusCode(200).body("name", equalTo("Ann Lee"));
        given().header("Authorization", Tokens.bearer("executive", "erin"))
                .when().get("/api/leads?size=200")
                .then().statusCode(200).body("items.id", hasItem(id)).body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void anInvalidLeadIsA422AndNothingIsStored() {
        given().header("Authorization", Tokens.bearer("marketing", "alice"))
                .contentType(ContentType.JSON).body("{\"email\":\"not-an-email\",\"name\":\"\",\"channel\":\"WEB\"}")
                .when().post("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("email")).body("violations.field", hasItem("name"));
    }

    @Test
    void salesCannotCaptureLeads() {
        given().header("Authorization", Tokens.bearer("sales", "sam"))
                .contentType(ContentType.JSON).body(newLead("x@example.com"))
                .when().post("/api/leads")
                .then().statusCode(403);
    }

    @Test
    void anUnknownLeadIsA404() {
        given().header("Authorization", Tokens.bearer("sales", "sam"))
                .when().get("/api/leads/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
