package io.smarketing.leads;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.Channel;
import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventType;
import io.smarketing.events.Topics;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

/** What the leads-service tests do over and over: requests as a user, leads in a given state, events read back. */
final class LeadsApi {

    static final String MARKETING = "marketing";
    static final String SALES = "sales";
    static final String EXECUTIVE = "executive";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private LeadsApi() {
    }

    static RequestSpecification as(String role, String user) {
        return given().header("Authorization", Tokens.bearer(role, user)).contentType(ContentType.JSON);
    }

    static String uniqueEmail() {
        return "lead-" + UUID.randomUUID() + "@acme-corp.com";
    }

    /** WEB 15 + company 15 + business e-mail 10 = 40 with the default rules: NEW. */
    static String newLeadJson(String email) {
        return "{\"email\":\"" + email + "\",\"name\":\"Ann Lee\",\"company\":\"Acme\",\"channel\":\"WEB\"}";
    }

    /** REFERRAL 30 + company 15 + title 10 + senior 10 + business e-mail 10 = 75 with the default rules: MQL. */
    static String mqlLeadJson(String email) {
        return "{\"email\":\"" + email + "\",\"name\":\"Bo Park\",\"company\":\"Acme\",\"title\":\"Head of Finance\","
                + "\"channel\":\"REFERRAL\"}";
    }

    static String capture(String json) {
        return as(MARKETING, "mia").body(json).when().post("/api/leads").then().statusCode(201).extract().path("id");
    }

    static String newLead() {
        return capture(newLeadJson(uniqueEmail()));
    }

    static String mqlLead() {
        return capture(mqlLeadJson(uniqueEmail()));
    }

    static String assignedLead(String owner) {
        String id = mqlLead();
        as(MARKETING, "mia").body("{\"ownerId\":\"" + owner + "\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200);
        return id;
    }

    static String acceptedLead(String owner) {
        String id = assignedLead(owner);
        as(SALES, owner).when().post("/api/leads/" + id + "/accept").then().statusCode(200);
        return id;
    }

    /** A campaign leads-service has heard of from the topic, with the given key message. */
    static UUID knownCampaign(String keyMessage) {
        UUID id = UUID.randomUUID();
        TopicProbe.publish(new CampaignPlanned(id, "Campaign " + id, Channel.EVENT, new BigDecimal("500000"), "JPY",
                null, keyMessage, null, LocalDate.now(), LocalDate.now().plusDays(30), "mia", "sam", "mia",
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> inTransaction(em -> em.find(
                io.smarketing.leads.domain.CampaignReplica.class, id) != null));
        return id;
    }

    /** Waits for the lead's event of this type on the topic, and checks its headers and its schema. */
    static JsonNode awaitEvent(String leadId, String ceType) {
        ConsumerRecord<String, byte[]> record = TopicProbe.awaitRecord(Topics.LEADS,
                r -> leadId.equals(r.key()) && ceType.equals(TopicProbe.header(r, CloudEventRecord.TYPE)));
        assertEquals(leadId, TopicProbe.header(record, CloudEventRecord.SUBJECT));
        assertEquals("/smarketing/leads-service", TopicProbe.header(record, CloudEventRecord.SOURCE));
        return validated(record);
    }

    /** The event data, after checking it against the JSON Schema of its type in the events module. */
    static JsonNode validated(ConsumerRecord<String, byte[]> record) {
        String ceType = TopicProbe.header(record, CloudEventRecord.TYPE);
        EventType<?> type = EventCatalog.byCeType(ceType).orElseThrow();
        try (java.io.InputStream schemaText = type.schema().openStream()) {
            JsonNode data = JSON.readTree(record.value());
            JsonSchema schema = SCHEMAS.getSchema(schemaText, FORMATS);
            Set<ValidationMessage> errors = schema.validate(data);
            assertEquals(Set.of(), errors, ceType + " " + data);
            return data;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many events of a type the lead wrote to the outbox: the source of truth for "exactly once". */
    static long outboxEvents(String leadId, String ceType) {
        return inTransaction(em -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where record_key = :key and ce_type = :type")
                .setParameter("key", leadId).setParameter("type", ceType).getSingleResult()).longValue());
    }

    static <T> T inTransaction(java.util.function.Function<EntityManager, T> work) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> work.apply(em));
    }
}
