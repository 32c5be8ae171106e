package io.smarketing.leads;

import static io.smarketing.leads.LeadsApi.EXECUTIVE;
import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.acceptedLead;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.assignedLead;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.capture;
import static io.smarketing.leads.LeadsApi.knownCampaign;
import static io.smarketing.leads.LeadsApi.mqlLead;
import static io.smarketing.leads.LeadsApi.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.LeadTouched;
import io.smarketing.testing.RealInfrastructure;

/** Touches by both teams and the conflict rules that keep a customer from getting clashing messages. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class TouchResourceTest {

    private static String touch(String channel, String subject, String messageKey, UUID campaignId) {
        return "{\"channel\":\"" + channel + "\",\"subject\":\"" + subject + "\""
                + (messageKey == null ? "" : ",\"messageKey\":\"" + messageKey + "\"")
                + (campaignId == null ? "" : ",\"campaignId\":\"" + campaignId + "\"") + "}";
    }

    @Test
    void marketingLogsATouchAndItsEventSaysMarketing() {
        String id = mqlLead();

        String touchId = as(MARKETING, "mia").body(touch("EMAIL", "Webinar invite", null, null))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("team", equalTo("MARKETING")).body("leadId", equalTo(id))
                .body("subject", equalTo("Webinar invite")).body("conflict", nullValue()).body("by", equalTo("mia"))
                .extract().path("id");

        JsonNode event = awaitEvent(id, LeadTouched.TYPE);
        assertEquals(touchId, event.get("touchId").asText());
        assertEquals("MARKETING", event.get("team").asText());
        assertEquals("EMAIL", event.get("channel").asText());
        assertEquals("Webinar invite", event.get("touchSubject").asText());
        assertTrue(event.get("conflict").isNull());
        assertEquals("MQL", event.get("stage").asText());
        as(SALES, "sam").when().get("/api/leads/" + id + "/timeline")
                .then().body("items.type", contains("created", "touched"))
                .body("items[1].data.touchSubject", equalTo("Webinar invite"));
    }

    @Test
    void theOwningRepLogsASalesTouch() {
        String id = assignedLead("sam");

        as(SALES, "sam").body(touch("EMAIL", "Intro call", null, null)).when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("team", equalTo("SALES"));
    }

    @Test
    void aSalesTouchByAnyoneButTheOwnerIsForbidden() {
        String assigned = assignedLead("sam");
        String unassigned = mqlLead();

        as(SALES, "kim").body(touch("EMAIL", "Hi", null, null)).when().post("/api/leads/" + assigned + "/touches")
                .then().statusCode(403).contentType("application/problem+json");
        as(SALES, "kim").body(touch("EMAIL", "Hi", null, null)).when().post("/api/leads/" + unassigned + "/touches")
                .then().statusCode(403);
        as(SALES, "kim").body(touch("EMAIL", "Hi", null, UUID.randomUUID()))
                .when().post("/api/leads/" + assigned + "/touches")
                .then().statusCode(403);
        as(EXECUTIVE, "erin").body(touch("EMAIL", "Hi", null, null)).when().post("/api/leads/" + assigned + "/touches")
                .then().statusCode(403);
        as(MARKETING, "mia").when().get("/api/leads/" + assigned + "/timeline")
                .then().body("items.type", contains("created", "assigned"));
    }

    @Test
    void aMarketingTouchOnALeadSalesAcceptedIsAConflict() {
        String id = acceptedLead("sam");

        as(MARKETING, "mia").body(touch("EMAIL", "Spring newsletter", null, null))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("conflict", equalTo("marketing touched a lead that sales has accepted"));

        JsonNode event = awaitEvent(id, LeadTouched.TYPE);
        assertEquals("marketing touched a lead that sales has accepted", event.get("conflict").asText());
        assertEquals("SQL", event.get("stage").asText());
    }

    @Test
    void touchesByBothTeamsWithinTheWindowConflict() {
        String id = assignedLead("sam");
        as(SALES, "sam").body(touch("OTHER", "Discovery call", null, null))
                .when().post("/api/leads/" + id + "/touches").then().statusCode(201).body("conflict", nullValue());

        as(MARKETING, "mia").body(touch("EMAIL", "Case study", null, null)).when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201)
                .body("conflict", startsWith("sales touched this lead at "))
                .body("conflict", org.hamcrest.Matchers.endsWith("within the 24h touch window"));
        as(SALES, "sam").body(touch("EMAIL", "Follow-up", null, null)).when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("conflict", startsWith("marketing touched this lead at "));
    }

    @Test
    void aRepeatedSubmissionDoesNotCountAsMarketingContactingTheLead() {
        String email = uniqueEmail();
        String id = capture(LeadsApi.mqlLeadJson(email));
        as(MARKETING, "mia").body("{\"ownerId\":\"sam\"}").when().post("/api/leads/" + id + "/assign").then().statusCode(200);
        as(MARKETING, "mia").body(LeadsApi.mqlLeadJson(email)).when().post("/api/leads").then().statusCode(200);

        as(SALES, "sam").body(touch("EMAIL", "Thanks for your interest", null, null))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("conflict", nullValue());
    }

    @Test
    void aMessageKeyOtherThanTheCampaignsKeyMessageIsAConflict() {
        UUID campaign = knownCampaign("Close the books in a day");
        String id = capture("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Ann\",\"campaignId\":\"" + campaign
                + "\",\"channel\":\"WEB\"}");

        as(MARKETING, "mia").body(touch("EMAIL", "Reminder", "close the books in a day", null))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("conflict", nullValue());
        as(MARKETING, "mia").body(touch("EMAIL", "Discount", "Save 20% today", null))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("conflict", equalTo(
                        "message key 'Save 20% today' differs from the campaign's key message 'Close the books in a day'"));
    }

    @Test
    void aTouchForAnotherCampaignIsComparedWithThatCampaignsKeyMessage() {
        UUID source = knownCampaign("Source key");
        UUID other = knownCampaign("Other key");
        String id = capture("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Ann\",\"campaignId\":\"" + source
                + "\",\"channel\":\"WEB\"}");

        as(MARKETING, "mia").body(touch("SOCIAL", "Other campaign", "Other key", other))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(201).body("conflict", nullValue()).body("campaignId", equalTo(other.toString()));
        JsonNode event = awaitEvent(id, LeadTouched.TYPE);
        assertEquals(source.toString(), event.get("campaignId").asText());
        assertEquals(other.toString(), event.get("touchCampaignId").asText());
    }

    @Test
    void aTouchForAnUnknownCampaignIsA422() {
        String id = mqlLead();

        as(MARKETING, "mia").body(touch("EMAIL", "Hi", null, UUID.randomUUID()))
                .when().post("/api/leads/" + id + "/touches")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("campaignId"));
    }

    @Test
    void aTouchWithoutSubjectOrOnAnUnknownLeadIsRefused() {
        as(MARKETING, "mia").body("{\"channel\":\"EMAIL\",\"subject\":\" \"}")
                .when().post("/api/leads/" + mqlLead() + "/touches")
                .then().statusCode(422).body("violations[0].field", equalTo("subject"));
        as(MARKETING, "mia").body(touch("EMAIL", "Hi", null, null))
                .when().post("/api/leads/" + UUID.randomUUID() + "/touches")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
