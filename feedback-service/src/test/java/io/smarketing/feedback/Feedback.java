package io.smarketing.feedback;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.EventCatalog;
import io.smarketing.events.EventJson;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.events.Topics;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

/** What the feedback tests share: requests as a user, a fresh round, events read back from the topic. */
final class Feedback {

    private Feedback() {
    }

    static RequestSpecification as(String role, String user) {
        return given().header("Authorization", Tokens.bearer(role, user)).contentType(ContentType.JSON);
    }

    /** Opens a round by hand for a new campaign and returns its id. */
    static String openRound(UUID campaignId) {
        return as("marketing", "mia").body("{\"campaignId\":\"" + campaignId + "\"}")
                .when().post("/api/feedback/rounds")
                .then().statusCode(201).extract().path("id");
    }

    static String entry(Integer leadQuality, String comment, String... actions) {
        String quoted = String.join(",", List.of(actions).stream().map(a -> "\"" + a + "\"").toList());
        return "{" + (leadQuality == null ? "" : "\"leadQuality\":" + leadQuality + ",")
                + "\"comment\":\"" + comment + "\",\"actions\":[" + quoted + "]}";
    }

    /** Waits for an event of this type on the feedback topic that matches, and returns it decoded. */
    static <E extends SmarketingEvent> E awaitEvent(Class<E> type, Predicate<E> match) {
        return awaitEvents(type, match, 1).get(0);
    }

    static <E extends SmarketingEvent> List<E> awaitEvents(Class<E> type, Predicate<E> match, int count) {
        String ceType = EventCatalog.of(type).ceType();
        return TopicProbe.awaitRecords(Topics.FEEDBACK,
                record -> ceType.equals(TopicProbe.header(record, CloudEventRecord.TYPE))
                        && match.test(EventJson.read(record.value(), type)), count)
                .stream().map(record -> EventJson.read(record.value(), type)).toList();
    }

    /** A lead that feedback-service has heard of from its {@code lead.created} event, from the campaign (or none). */
    static UUID knownLead(UUID campaignId) {
        UUID leadId = UUID.randomUUID();
        TopicProbe.publish(LeadEvents.created(leadId, campaignId));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> QuarkusTransaction
                .requiringNew().call(() -> !Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("select 1 from lead_campaign where lead_id = :id")
                        .setParameter("id", leadId).getResultList().isEmpty()));
        return leadId;
    }

    /** Whether a consumer of this service has been through the event with this ce_id. */
    static boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> !Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select 1 from processed_event where event_id = :id")
                .setParameter("id", eventId).getResultList().isEmpty());
    }
}
