package io.smarketing.leads;

import static io.smarketing.leads.LeadsApi.EXECUTIVE;
import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.capture;
import static io.smarketing.leads.LeadsApi.knownCampaign;
import static io.smarketing.leads.LeadsApi.newLead;
import static io.smarketing.leads.LeadsApi.outboxEvents;
import static io.smarketing.leads.LeadsApi.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadScored;
import io.smarketing.testing.RealInfrastructure;

/**
 * Engagement scoring over REST: activity raises the score (fit + decaying engagement), each external id once,
 * shows on the timeline and in lead.scored; crossing the MQL threshold qualifies the lead, and routing takes it.
 * Default points: e-mail opened 2, link clicked 5, page visited 3, download 10, event attended 20, replied 15;
 * half-life 30 days.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class EngagementTest {

    @Test
    void anActivityRaisesTheScoreOnceAndShowsOnTheTimelineAndTheTopic() {
        String id = newLead(); // fit 40
        String activity = "evt-" + UUID.randomUUID();
        as(MARKETING, "automation").body("{\"externalId\":\"" + activity + "\",\"kind\":\"CONTENT_DOWNLOADED\"}")
                .when().post("/api/leads/" + id + "/activities").then().statusCode(201)
                .body("points", equalTo(10)).body("score", equalTo(50)).body("duplicate", equalTo(false))
                .body("stage", equalTo("NEW"));
        as(MARKETING, "automation").body("{\"externalId\":\"" + activity + "\",\"kind\":\"CONTENT_DOWNLOADED\"}")
                .when().post("/api/leads/" + id + "/activities").then().statusCode(200)
                .body("duplicate", equalTo(true)).body("score", equalTo(50));

        as(SALES, "sam").when().get("/api/leads/" + id).then().body("score", equalTo(50)).body("fitScore", equalTo(40))
                .body("engagementScore", equalTo(10));
        JsonNode scored = awaitEvent(id, LeadScored.TYPE);
        assertEquals(50, scored.get("score").asInt());
        assertEquals(40, scored.get("previousScore").asInt());
        assertEquals(activity, scored.get("activityId").asText());
        assertEquals("automation", scored.get("by").asText());
        assertEquals(1, outboxEvents(id, LeadScored.TYPE));
        as(SALES, "sam").when().get("/api/leads/" + id + "/timeline").then()
                .body("items.type", contains("created", "scored")).body("items[1].data.score", equalTo(50));
    }

    @Test
    void pointsOfAnOldActivityHaveDecayedByTheHalfLife() {
        String id = newLead();
        as(MARKETING, "automation").body("{\"externalId\":\"evt-" + UUID.randomUUID() + "\",\"kind\":\"EVENT_ATTENDED\","
                + "\"occurredAt\":\"" + Instant.now().minus(Duration.ofDays(30)) + "\"}")
                .when().post("/api/leads/" + id + "/activities").then().statusCode(201).body("score", equalTo(50));
        as(MARKETING, "automation").body("{\"externalId\":\"evt-" + UUID.randomUUID() + "\",\"kind\":\"EVENT_ATTENDED\","
                + "\"occurredAt\":\"" + Instant.now().minus(Duration.ofDays(3650)) + "\"}")
                .when().post("/api/leads/" + id + "/activities").then().statusCode(201).body("score", equalTo(50));
    }

    @Test
    void crossingTheThresholdQualifiesTheLeadAndRoutingTakesIt() {
        UUID campaign = knownCampaign("One team");
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        String rule = as(EXECUTIVE, "erin").body(RoutingTest.ruleJson("Engaged", campaign, null, false,
                "\"reps\":[" + RoutingTest.seat(rep, 5) + "]")).when().post("/api/routing/rules").then().statusCode(201)
                .extract().path("id");
        try {
            String id = capture(RoutingTest.newJson(campaign)); // 40
            as(MARKETING, "automation").body("{\"externalId\":\"evt-" + UUID.randomUUID() + "\",\"kind\":\"REPLIED\"}")
                    .when().post("/api/leads/" + id + "/activities").then().statusCode(201)
                    .body("score", equalTo(55)).body("qualified", equalTo(false));
            as(MARKETING, "automation").body("{\"externalId\":\"evt-" + UUID.randomUUID() + "\",\"kind\":\"LINK_CLICKED\"}")
                    .when().post("/api/leads/" + id + "/activities").then().statusCode(201)
                    .body("score", equalTo(60)).body("qualified", equalTo(true)).body("stage", equalTo("MQL"));
            JsonNode qualified = awaitEvent(id, LeadQualified.TYPE);
            assertEquals("scoring", qualified.get("by").asText());
            assertEquals(60, qualified.get("score").asInt());
            assertEquals(rep, RoutingTest.awaitOwner(id));
            as(SALES, rep).when().get("/api/leads/" + id + "/timeline").then()
                    .body("items.type", contains("created", "scored", "scored", "qualified", "assigned"))
                    .body("items.by", contains("mia", "automation", "automation", "scoring", "router"));
        } finally {
            as(EXECUTIVE, "erin").when().delete("/api/routing/rules/" + rule).then().statusCode(204);
        }
    }

    @Test
    void aBulkRequestTakesLeadsByIdOrEMailAndRefusesOnlyWhatItCannotPlace() {
        String email = uniqueEmail();
        String byEmail = capture(LeadsApi.newLeadJson(email));
        String byId = newLead();
        String repeated = "evt-" + UUID.randomUUID();
        String body = "{\"activities\":["
                + activity(repeated, "PAGE_VISITED", "\"leadId\":\"" + byId + "\"") + ","
                + activity("evt-" + UUID.randomUUID(), "EMAIL_OPENED", "\"email\":\"" + email.toUpperCase() + "\"") + ","
                + activity("evt-" + UUID.randomUUID(), "REPLIED", "\"email\":\"nobody-" + UUID.randomUUID() + "@acme-corp.com\"") + ","
                + activity(repeated, "PAGE_VISITED", "\"leadId\":\"" + byId + "\"") + ","
                + activity("evt-" + UUID.randomUUID(), "REPLIED", "\"leadId\":\"" + UUID.randomUUID() + "\"") + "]}";
        as(MARKETING, "automation").body(body).when().post("/api/leads/activities").then().statusCode(200)
                .body("recorded", equalTo(2)).body("duplicates", equalTo(1)).body("qualified", equalTo(0))
                .body("rejected.index", contains(2, 4)).body("rejected[0].error", org.hamcrest.Matchers.startsWith("email:"));
        as(SALES, "sam").when().get("/api/leads/" + byId).then().body("score", equalTo(43));
        as(SALES, "sam").when().get("/api/leads/" + byEmail).then().body("score", equalTo(42));
    }

    @Test
    void badActivityIsAClearProblemAndChangesNothing() {
        String id = newLead();
        as(SALES, "sam").body("{\"externalId\":\"x\",\"kind\":\"REPLIED\"}").when().post("/api/leads/" + id + "/activities")
                .then().statusCode(403);
        as(MARKETING, "automation").body("{\"externalId\":\"x-" + UUID.randomUUID() + "\",\"kind\":\"REPLIED\"}")
                .when().post("/api/leads/" + UUID.randomUUID() + "/activities").then().statusCode(404);
        as(MARKETING, "automation").body("{\"externalId\":\" \",\"kind\":\"TELEPATHY\"}")
                .when().post("/api/leads/" + id + "/activities").then().statusCode(422);
        as(MARKETING, "automation").body("{\"externalId\":\"x-" + UUID.randomUUID() + "\",\"kind\":\"REPLIED\","
                + "\"occurredAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}")
                .when().post("/api/leads/" + id + "/activities").then().statusCode(422)
                .body("violations[0].field", equalTo("occurredAt"));
        as(MARKETING, "automation").body("{\"activities\":[" + activity("x-" + UUID.randomUUID(), "REPLIED",
                "\"leadId\":\"" + id + "\",\"email\":\"a@acme-corp.com\"") + "]}")
                .when().post("/api/leads/activities").then().statusCode(422)
                .body("violations.field", hasItem("activities[0].leadId"));
        as(MARKETING, "automation").body("{\"activities\":[" + activity("x-" + UUID.randomUUID(), "REPLIED",
                "\"leadId\":\"" + id + "\"") + "," + activity("x-" + UUID.randomUUID(), "REPLIED", "\"email\":\"nope\"")
                + "]}").when().post("/api/leads/activities").then().statusCode(422)
                .body("violations.field", hasItem("activities[1].email"));
        as(MARKETING, "automation").body("{\"activities\":[]}").when().post("/api/leads/activities").then().statusCode(422);
        as(SALES, "sam").when().get("/api/leads/" + id).then().body("score", equalTo(40));
        assertEquals(0, outboxEvents(id, LeadScored.TYPE));
    }

    private static String activity(String externalId, String kind, String target) {
        return "{\"externalId\":\"" + externalId + "\",\"kind\":\"" + kind + "\"," + target + "}";
    }
}
