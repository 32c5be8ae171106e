package io.smarketing.feedback;

import static io.smarketing.feedback.Feedback.as;
import static io.smarketing.feedback.Feedback.awaitEvent;
import static io.smarketing.feedback.Feedback.knownLead;
import static io.smarketing.feedback.Feedback.openRound;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.FeedbackCsatRecorded;
import io.smarketing.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CsatTest {

    private static String csat(UUID leadId, UUID campaignId, Object score) {
        return "{\"leadId\":\"" + leadId + "\"," + (campaignId == null ? "" : "\"campaignId\":\"" + campaignId + "\",")
                + "\"score\":" + score + ",\"comment\":\"Quick and friendly\"}";
    }

    @Test
    void aScoreIsRecordedAndPublished() {
        UUID campaignId = UUID.randomUUID();
        UUID leadId = knownLead(campaignId);

        String id = as("marketing", "mia").body(csat(leadId, campaignId, 4))
                .when().post("/api/feedback/csat")
                .then().statusCode(201).header("Location", containsString("/api/feedback/csat/"))
                .body("score", equalTo(4)).body("recordedBy", equalTo("mia"))
                .body("campaignId", equalTo(campaignId.toString())).body("survey", equalTo("handling"))
                .extract().path("id");

        FeedbackCsatRecorded event = awaitEvent(FeedbackCsatRecorded.class, e -> e.csatId().toString().equals(id));
        assertEquals(leadId, event.leadId());
        assertEquals(campaignId, event.campaignId());
        assertEquals(4, event.score());
        assertEquals("Quick and friendly", event.comment());
        assertEquals("mia", event.by());
        as("executive", "erin").when().get("/api/feedback/csat/" + id)
                .then().statusCode(200).body("leadId", equalTo(leadId.toString()));
    }

    @Test
    void scoresCountInTheCampaignsRound() {
        UUID campaignId = UUID.randomUUID();
        String round = openRound(campaignId);
        as("sales", "sam").body(csat(knownLead(campaignId), campaignId, 5)).when().post("/api/feedback/csat").then().statusCode(201);
        as("sales", "sam").body(csat(knownLead(campaignId), null, 2)).when().post("/api/feedback/csat").then().statusCode(201);

        as("sales", "sam").when().get("/api/feedback/rounds/" + round)
                .then().statusCode(200).body("summary.csatCount", equalTo(2)).body("summary.avgCsat", equalTo(3.5f));
    }

    @Test
    void aScoreTakesTheLeadsCampaignAndNoOther() {
        UUID campaignId = UUID.randomUUID();
        UUID leadId = knownLead(campaignId);

        as("sales", "sam").body(csat(leadId, UUID.randomUUID(), 2)).when().post("/api/feedback/csat")
                .then().statusCode(422).body("violations[0].field", equalTo("campaignId"));
        String id = as("sales", "sam").body(csat(leadId, null, 4)).when().post("/api/feedback/csat")
                .then().statusCode(201).body("campaignId", equalTo(campaignId.toString())).extract().path("id");
        assertEquals(campaignId, awaitEvent(FeedbackCsatRecorded.class, e -> e.csatId().toString().equals(id)).campaignId());

        UUID unsourced = knownLead(null);
        as("sales", "sam").body(csat(unsourced, null, 3)).when().post("/api/feedback/csat")
                .then().statusCode(201).body("campaignId", nullValue());
    }

    @Test
    void aScoreForALeadNobodyKnowsIsA422() {
        as("sales", "sam").body(csat(UUID.randomUUID(), null, 3)).when().post("/api/feedback/csat")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("leadId"));
    }

    @Test
    void aLeadHasOneScorePerSurvey() {
        UUID leadId = knownLead(UUID.randomUUID());
        as("sales", "sam").body(csat(leadId, null, 4)).when().post("/api/feedback/csat").then().statusCode(201);

        as("marketing", "mia").body(csat(leadId, null, 1)).when().post("/api/feedback/csat")
                .then().statusCode(409).contentType("application/problem+json");
        as("marketing", "mia").body("{\"leadId\":\"" + leadId + "\",\"survey\":\"onboarding\",\"score\":5}")
                .when().post("/api/feedback/csat").then().statusCode(201).body("survey", equalTo("onboarding"));
        as("marketing", "mia").body("{\"leadId\":\"" + leadId + "\",\"survey\":\"Not A Slug\",\"score\":5}")
                .when().post("/api/feedback/csat").then().statusCode(422).body("violations[0].field", equalTo("survey"));
    }

    @Test
    void invalidScoresAreRuleViolations() {
        as("sales", "sam").body(csat(UUID.randomUUID(), null, 0)).when().post("/api/feedback/csat")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("score"));
        as("sales", "sam").body(csat(UUID.randomUUID(), null, 6)).when().post("/api/feedback/csat")
                .then().statusCode(422).body("violations.field", containsInAnyOrder("score"));
        as("sales", "sam").body("{\"comment\":\"no lead, no score\"}").when().post("/api/feedback/csat")
                .then().statusCode(422).body("violations.field", containsInAnyOrder("leadId", "score"));
        as("sales", "sam").body(csat(UUID.randomUUID(), null, "\"five\"")).when().post("/api/feedback/csat")
                .then().statusCode(422).body("violations.field", containsInAnyOrder("score"));
    }

    @Test
    void executivesCannotRecordCsat() {
        as("executive", "erin").body(csat(UUID.randomUUID(), null, 5)).when().post("/api/feedback/csat")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownCsatRecordIsA404() {
        as("sales", "sam").when().get("/api/feedback/csat/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
