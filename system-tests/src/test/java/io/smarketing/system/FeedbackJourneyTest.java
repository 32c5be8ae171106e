package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.EventJson;
import io.smarketing.events.FeedbackRoundClosed;
import io.smarketing.events.Topics;
import io.smarketing.testing.TopicProbe;

/**
 * The evaluation step of the loop, through the running services: a campaign runs, sales rejects one of its
 * leads, the campaign completes, and the feedback round that opens by itself counts that rejection; both
 * teams give their feedback and the round closes with the summary.
 */
class FeedbackJourneyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MARKETER = "alice";
    private static final String SELLER = "sally";

    @Test
    void aRejectedLeadOfACompletedCampaignIsCountedInItsRoundWhichClosesWithBothTeamsFeedback() {
        String campaignId = launchCampaign();
        String leadId = createLeadFor(campaignId);
        rejectAsNotAFit(leadId);
        as("marketing", MARKETER, Platform.CAMPAIGNS).when().post("/api/campaigns/" + campaignId + "/complete")
                .then().statusCode(200);

        String roundId = awaitRoundOf(campaignId);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertEquals(
                List.of(Map.of("reason", "NOT_A_FIT", "count", 1)),
                round(roundId).getList("summary.topRejectionReasons")));

        String entries = "/api/feedback/rounds/" + roundId + "/entries";
        as("sales", SELLER, Platform.FEEDBACK)
                .body("{\"leadQuality\":2,\"comment\":\"The lead was not a fit for us\"}")
                .when().post(entries).then().statusCode(201).body("team", equalTo("SALES"));
        as("marketing", MARKETER, Platform.FEEDBACK)
                .body("{\"comment\":\"Understood\",\"actions\":[\"Narrow the audience to mid-size firms\"]}")
                .when().post(entries).then().statusCode(201).body("team", equalTo("MARKETING"));

        as("sales", SELLER, Platform.FEEDBACK).when().post("/api/feedback/rounds/" + roundId + "/close")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("summary.avgLeadQuality", equalTo(2.0f))
                .body("summary.entriesByTeam.SALES", equalTo(1))
                .body("summary.entriesByTeam.MARKETING", equalTo(1))
                .body("summary.topRejectionReasons.reason", contains("NOT_A_FIT"))
                .body("summary.actions", contains("Narrow the audience to mid-size firms"));

        var closed = TopicProbe.awaitRecord(Topics.FEEDBACK, record -> roundId.equals(record.key())
                && FeedbackRoundClosed.TYPE.equals(TopicProbe.header(record, CloudEventRecord.TYPE)));
        FeedbackRoundClosed event = EventJson.read(closed.value(), FeedbackRoundClosed.class);
        assertEquals(UUID.fromString(campaignId), event.campaignId());
        assertEquals(1, event.summary().topRejectionReasons().get(0).count());
    }

    private static String launchCampaign() {
        LocalDate today = LocalDate.now();
        String campaignId = as("marketing", MARKETER, Platform.CAMPAIGNS)
                .body("{\"name\":\"Feedback journey " + UUID.randomUUID() + "\",\"channel\":\"EMAIL\","
                        + "\"budget\":100000,\"startDate\":\"" + today + "\",\"endDate\":\"" + today.plusDays(30)
                        + "\",\"keyMessage\":\"Close your books in a day\",\"marketingOwner\":\"" + MARKETER
                        + "\",\"salesLiaison\":\"" + SELLER + "\"}")
                .when().post("/api/campaigns")
                .then().statusCode(201).extract().path("id");
        as("marketing", MARKETER, Platform.CAMPAIGNS).when().post("/api/campaigns/" + campaignId + "/launch")
                .then().statusCode(200);
        return campaignId;
    }

    /** leads-service learns of campaigns from their events: retry until it accepts the campaignId. */
    private static String createLeadFor(String campaignId) {
        String body = "{\"email\":\"feedback-" + UUID.randomUUID() + "@example.com\",\"name\":\"Fay Back\","
                + "\"channel\":\"EMAIL\",\"campaignId\":\"" + campaignId + "\"}";
        Response created = Platform.captureLead(MARKETER, body).then().statusCode(201).extract().response();
        String leadId = created.path("id");
        if ("NEW".equals(created.path("stage"))) {
            as("marketing", MARKETER, Platform.LEADS).when().post("/api/leads/" + leadId + "/qualify")
                    .then().statusCode(200).body("stage", equalTo("MQL"));
        }
        return leadId;
    }

    private static void rejectAsNotAFit(String leadId) {
        as("marketing", MARKETER, Platform.LEADS).body("{\"ownerId\":\"" + SELLER + "\"}")
                .when().post("/api/leads/" + leadId + "/assign")
                .then().statusCode(200);
        as("sales", SELLER, Platform.LEADS).body("{\"reason\":\"NOT_A_FIT\",\"note\":\"Students, not buyers\"}")
                .when().post("/api/leads/" + leadId + "/reject")
                .then().statusCode(200).body("stage", equalTo("REJECTED"));
    }

    /** The round opens by itself once feedback-service has consumed campaign.completed. */
    private static String awaitRoundOf(String campaignId) {
        String roundId = Platform.awaitFeedbackRound(campaignId);
        JsonPath round = round(roundId);
        assertEquals("OPEN", round.getString("status"));
        assertEquals("system", round.getString("openedBy"));
        return roundId;
    }

    private static JsonPath round(String roundId) {
        return as("executive", "erin", Platform.FEEDBACK).when().get("/api/feedback/rounds/" + roundId)
                .then().statusCode(200).extract().jsonPath();
    }
}
