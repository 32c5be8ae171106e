package io.smarketing.feedback;

import static io.smarketing.feedback.Feedback.as;
import static io.smarketing.feedback.Feedback.awaitEvent;
import static io.smarketing.feedback.Feedback.entry;
import static io.smarketing.feedback.Feedback.openRound;
import static io.smarketing.feedback.Feedback.processed;
import static io.smarketing.feedback.LeadEvents.lost;
import static io.smarketing.feedback.LeadEvents.rejected;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smarketing.events.FeedbackRoundClosed;
import io.smarketing.events.FeedbackRoundClosed.ReasonCount;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.Team;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ClosingTest {

    private static String path(String roundId) {
        return "/api/feedback/rounds/" + roundId;
    }

    private static void recordCsat(UUID campaignId, int score) {
        as("sales", "sam").body("{\"leadId\":\"" + Feedback.knownLead(campaignId) + "\",\"campaignId\":\"" + campaignId
                + "\",\"score\":" + score + "}")
                .when().post("/api/feedback/csat").then().statusCode(201);
    }

    @Test
    void closingWithBothTeamsGivesTheSummaryAndPublishesIt() {
        UUID campaignId = UUID.randomUUID();
        TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NOT_A_FIT));
        TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NOT_A_FIT));
        TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NO_BUDGET));
        TopicProbe.publish(lost(UUID.randomUUID(), campaignId, LossReason.PRICE));
        recordCsat(campaignId, 4);
        recordCsat(campaignId, 5);
        String round = openRound(campaignId);
        as("sales", "sam").body(entry(2, "Mostly students")).when().post(path(round) + "/entries").then().statusCode(201);
        as("sales", "sid").body(entry(3, "Some were good")).when().post(path(round) + "/entries").then().statusCode(201);
        as("marketing", "mia").body(entry(null, "Agreed", "Exclude .edu domains", "Ask for budget on the form"))
                .when().post(path(round) + "/entries").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> as("sales", "sam").when().get(path(round))
                .then().extract().jsonPath().getList("summary.topRejectionReasons").size() == 2
                && as("sales", "sam").when().get(path(round)).then().extract().jsonPath()
                        .getList("summary.topLossReasons").size() == 1);

        JsonPath closed = as("sales", "sam").when().post(path(round) + "/close")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedBy", equalTo("sam")).body("closedAt", notNullValue())
                .body("entries", hasSize(3))
                .extract().jsonPath();

        RoundSummary expected = new RoundSummary(2.5, Map.of(Team.SALES, 2, Team.MARKETING, 1),
                List.of(new ReasonCount("NOT_A_FIT", 2), new ReasonCount("NO_BUDGET", 1)),
                List.of(new ReasonCount("PRICE", 1)), 4.5, 2,
                List.of("Exclude .edu domains", "Ask for budget on the form"));
        assertEquals(expected, closed.getObject("summary", RoundSummary.class));
        FeedbackRoundClosed event = awaitEvent(FeedbackRoundClosed.class, e -> e.roundId().toString().equals(round));
        assertEquals(expected, event.summary());
        assertEquals(campaignId, event.campaignId());
        assertEquals("sam", event.by());
    }

    @Test
    void aClosedRoundRefusesEntriesAndASecondClose() {
        String round = openRound(UUID.randomUUID());
        as("marketing", "mia").when().post(path(round) + "/close").then().statusCode(200);

        as("sales", "sam").body(entry(4, "too late"))
                .when().post(path(round) + "/entries")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smarketing:problem:conflict")).body("title", equalTo("Conflict"))
                .body("status", equalTo(409)).body("detail", containsString("CLOSED"))
                .body("instance", equalTo(path(round) + "/entries"));
        as("sales", "sam").when().post(path(round) + "/close")
                .then().statusCode(409).contentType("application/problem+json");
        as("sales", "sam").when().get(path(round)).then().body("entries", hasSize(0));
    }

    @Test
    void anEmptyRoundClosesWithNullsNotNaN() {
        String round = openRound(UUID.randomUUID());

        JsonPath closed = as("marketing", "mia").when().post(path(round) + "/close")
                .then().statusCode(200).extract().jsonPath();

        assertEquals(new RoundSummary(null, Map.of(Team.SALES, 0, Team.MARKETING, 0), List.of(), List.of(), null, 0,
                List.of()), closed.getObject("summary", RoundSummary.class));
    }

    @Test
    void aClosedRoundKeepsTheSummaryItClosedWith() {
        UUID campaignId = UUID.randomUUID();
        String round = openRound(campaignId);
        as("marketing", "mia").when().post(path(round) + "/close").then().statusCode(200);

        String late = TopicProbe.publish(rejected(UUID.randomUUID(), campaignId, RejectionReason.NOT_A_FIT));
        recordCsat(campaignId, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(late));

        as("sales", "sam").when().get(path(round))
                .then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("summary.topRejectionReasons", hasSize(0))
                .body("summary.csatCount", equalTo(0));
    }

    @Test
    void executivesCannotCloseRounds() {
        String round = openRound(UUID.randomUUID());

        as("executive", "erin").when().post(path(round) + "/close")
                .then().statusCode(403).contentType("application/problem+json");
        as("executive", "erin").when().get(path(round)).then().body("status", equalTo("OPEN"));
    }

    @Test
    void closedRoundsAreListedAsClosed() {
        UUID campaignId = UUID.randomUUID();
        String round = openRound(campaignId);
        as("marketing", "mia").when().post(path(round) + "/close").then().statusCode(200);

        as("executive", "erin").queryParam("campaignId", campaignId.toString()).queryParam("status", "closed")
                .when().get("/api/feedback/rounds")
                .then().statusCode(200).body("items.id", contains(round)).body("items[0].closedBy", equalTo("mia"));
    }
}
