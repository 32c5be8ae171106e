package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadSlaBreached;
import io.smarketing.events.LeadWon;
import io.smarketing.events.Topics;
import io.smarketing.testing.TopicProbe;

/**
 * A lead's life across the running services: marketing plans a campaign (campaigns-service), captures a
 * lead for it (leads-service, which learnt of the campaign from its events), sales follows up and wins the
 * deal, and the campaign's numbers and the shared view (goals-service) count it.
 *
 * <p>The SLA test needs leads-service started with a short follow-up, e.g.
 * {@code SMARKETING_LEADS_SERVICE_OPTS="-Dleads.follow-up-hours=PT3S -Dleads.sla-check-interval=1s"}.
 */
class LeadJourneyTest {

    private static final Duration PLATFORM_DELAY = Duration.ofSeconds(30);
    private static final long DEAL = 1_500_000;

    @Test
    void aCampaignLeadGoesFromCaptureToWonAndEveryServiceCountsIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String campaignId = launchedCampaign(tag);

        Response captured = Platform.captureLead("mia", seniorReferral("journey-" + tag + "@acme-corp.com", campaignId));
        String leadId = captured.then().statusCode(201)
                .body("stage", equalTo("MQL")).body("score", equalTo(90)).body("campaignId", equalTo(campaignId))
                .extract().path("id");

        as("marketing", "mia", Platform.LEADS).body("{\"ownerId\":\"sam\"}")
                .when().post("/api/leads/" + leadId + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("sam")).body("slaDueAt", notNullValue());
        JsonPath accepted = as("sales", "sam", Platform.LEADS).when().post("/api/leads/" + leadId + "/accept")
                .then().statusCode(200).body("stage", equalTo("SQL")).extract().jsonPath();
        assertEquals(!Instant.parse(accepted.getString("respondedAt")).isAfter(Instant.parse(accepted.getString("slaDueAt"))),
                accepted.getBoolean("withinSla"), "withinSla says whether sales answered by slaDueAt");
        as("sales", "sam", Platform.LEADS).body("{\"amount\":" + DEAL + "}")
                .when().post("/api/leads/" + leadId + "/win")
                .then().statusCode(200).body("stage", equalTo("WON"));

        as("executive", "erin", Platform.LEADS).when().get("/api/leads/" + leadId + "/timeline")
                .then().statusCode(200)
                .body("items.type", equalTo(List.of("created", "assigned", "accepted", "won")))
                .body("items.by", equalTo(List.of("mia", "mia", "sam", "sam")));
        assertEquals(List.of(LeadCreated.TYPE, LeadAssigned.TYPE, LeadAccepted.TYPE, LeadWon.TYPE), eventTypes(leadId, 4));

        await().atMost(PLATFORM_DELAY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath performance = as("marketing", "mia", Platform.CAMPAIGNS)
                    .when().get("/api/campaigns/" + campaignId + "/performance")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, performance.getInt("leads"));
            assertEquals(1, performance.getInt("won"));
            assertEquals(DEAL, performance.getDouble("revenue"));
        });
        await().atMost(PLATFORM_DELAY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath view = as("executive", "erin", Platform.GOALS).queryParam("campaignId", campaignId)
                    .when().get("/api/view").then().statusCode(200).extract().jsonPath();
            assertEquals(1, view.getInt("funnel.leads"));
            assertEquals(1, view.getInt("funnel.mqls"));
            assertEquals(1, view.getInt("funnel.sqls"));
            assertEquals(1, view.getInt("funnel.won"));
            assertEquals(DEAL, view.getDouble("revenue"));
        });
    }

    @Test
    void anAssignedLeadNobodyAnswersIsReportedOnceAsAnSlaBreach() {
        String leadId = as("marketing", "mia", Platform.LEADS)
                .body(seniorReferral("sla-" + UUID.randomUUID() + "@acme-corp.com", null))
                .when().post("/api/leads")
                .then().statusCode(201).body("stage", equalTo("MQL")).extract().path("id");

        String slaDueAt = as("marketing", "mia", Platform.LEADS).body("{\"ownerId\":\"sam\"}")
                .when().post("/api/leads/" + leadId + "/assign")
                .then().statusCode(200).extract().path("slaDueAt");
        Duration followUp = Duration.between(Instant.now(), Instant.parse(slaDueAt));
        assertTrue(followUp.compareTo(Duration.ofMinutes(1)) < 0, "leads-service must run with a short follow-up "
                + "(-Dleads.follow-up-hours=PT3S -Dleads.sla-check-interval=1s); slaDueAt is " + followUp + " away");

        await().atMost(followUp.plus(PLATFORM_DELAY)).pollInterval(Duration.ofMillis(250)).until(() ->
                as("sales", "sam", Platform.LEADS).when().get("/api/leads/" + leadId)
                        .then().statusCode(200).extract().path("slaBreachedAt") != null);
        as("sales", "sam", Platform.LEADS).when().post("/api/leads/" + leadId + "/accept")
                .then().statusCode(200).body("stage", equalTo("SQL")).body("withinSla", equalTo(false));

        // the topic keeps a lead's events in order: any second breach would sit before the acceptance
        assertEquals(List.of(LeadCreated.TYPE, LeadAssigned.TYPE, LeadSlaBreached.TYPE, LeadAccepted.TYPE),
                eventTypes(leadId, 4));
        JsonPath timeline = as("sales", "sam", Platform.LEADS).when().get("/api/leads/" + leadId + "/timeline")
                .then().statusCode(200)
                .body("items.type", equalTo(List.of("created", "assigned", "sla-breached", "accepted")))
                .body("items[2].by", equalTo("system"))
                .extract().jsonPath();
        // the answer to the assignment, the stored lead and the breach event name the same instant
        assertEquals(Instant.parse(slaDueAt), Instant.parse(timeline.getString("items[2].data.slaDueAt")));
    }

    /** Planned and launched in campaigns-service through its REST API; returns its id. */
    private static String launchedCampaign(String tag) {
        String id = as("marketing", "mia", Platform.CAMPAIGNS)
                .body("{\"name\":\"Journey " + tag + "\",\"channel\":\"EVENT\",\"budget\":300000,"
                        + "\"startDate\":\"" + LocalDate.now() + "\",\"endDate\":\"" + LocalDate.now().plusDays(30) + "\","
                        + "\"keyMessage\":\"Close the books in a day\",\"marketingOwner\":\"mia\",\"salesLiaison\":\"sam\"}")
                .when().post("/api/campaigns")
                .then().statusCode(201).extract().path("id");
        as("marketing", "mia", Platform.CAMPAIGNS).when().post("/api/campaigns/" + id + "/launch")
                .then().statusCode(lessThan(300));
        return id;
    }

    /** REFERRAL 30 + company 15 + title 10 + senior title 10 + business e-mail 10 (+ campaign 15): an MQL at once. */
    private static String seniorReferral(String email, String campaignId) {
        return "{\"email\":\"" + email + "\",\"name\":\"Rin Sato\",\"company\":\"Acme\",\"title\":\"Head of Finance\","
                + (campaignId == null ? "" : "\"campaignId\":\"" + campaignId + "\",") + "\"channel\":\"REFERRAL\"}";
    }

    /** The ce_types of the lead's first {@code count} events on smarketing.leads.v1, in topic order. */
    private static List<String> eventTypes(String leadId, int count) {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.awaitRecords(Topics.LEADS,
                record -> leadId.equals(record.key()), count);
        return records.stream().map(record -> TopicProbe.header(record, CloudEventRecord.TYPE)).toList();
    }
}
