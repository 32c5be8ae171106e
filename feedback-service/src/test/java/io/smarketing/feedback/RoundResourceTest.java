package io.smarketing.feedback;

import static io.smarketing.feedback.Feedback.as;
import static io.smarketing.feedback.Feedback.awaitEvent;
import static io.smarketing.feedback.Feedback.openRound;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.events.FeedbackRoundOpened;
import io.smarketing.testing.RealInfrastructure;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RoundResourceTest {

    @Test
    void salesOpensARoundByHandAndItIsAnnounced() {
        UUID campaignId = UUID.randomUUID();

        String id = as("sales", "sam").body("{\"campaignId\":\"" + campaignId + "\"}")
                .when().post("/api/feedback/rounds")
                .then().statusCode(201)
                .header("Location", containsString("/api/feedback/rounds/"))
                .body("campaignId", equalTo(campaignId.toString())).body("status", equalTo("OPEN"))
                .body("openedBy", equalTo("sam")).body("entries", empty())
                .body("summary.avgLeadQuality", nullValue()).body("summary.entriesByTeam.SALES", equalTo(0))
                .extract().path("id");

        FeedbackRoundOpened event = awaitEvent(FeedbackRoundOpened.class, e -> e.roundId().toString().equals(id));
        assertEquals(campaignId, event.campaignId());
        assertEquals("sam", event.by());
    }

    @Test
    void openingASecondRoundForACampaignIsAConflict() {
        UUID campaignId = UUID.randomUUID();
        String first = openRound(campaignId);

        as("sales", "sam").body("{\"campaignId\":\"" + campaignId + "\"}")
                .when().post("/api/feedback/rounds")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smarketing:problem:conflict")).body("status", equalTo(409))
                .body("detail", containsString(first));
    }

    @Test
    void executivesReadRoundsButCannotOpenThem() {
        as("executive", "erin").body("{\"campaignId\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/api/feedback/rounds")
                .then().statusCode(403).contentType("application/problem+json");
        String id = openRound(UUID.randomUUID());
        as("executive", "erin").when().get("/api/feedback/rounds/" + id).then().statusCode(200);
    }

    @Test
    void aRoundNeedsACampaignId() {
        as("marketing", "mia").body("{}")
                .when().post("/api/feedback/rounds")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("campaignId"));
        as("marketing", "mia").body("{\"campaignId\":\"not-a-uuid\"}")
                .when().post("/api/feedback/rounds")
                .then().statusCode(422).body("violations.field", contains("campaignId"));
        as("marketing", "mia").body("{\"campaignId\":")
                .when().post("/api/feedback/rounds")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void roundsAreListedByCampaignAndStatus() {
        UUID campaignId = UUID.randomUUID();
        String id = openRound(campaignId);

        as("sales", "sam").queryParam("campaignId", campaignId.toString())
                .when().get("/api/feedback/rounds")
                .then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(id)).body("page", equalTo(0))
                .body("size", equalTo(50));
        as("sales", "sam").queryParam("status", "OPEN").queryParam("size", 200)
                .when().get("/api/feedback/rounds")
                .then().statusCode(200).body("items.status", everyItem(equalTo("OPEN")));
        as("sales", "sam").queryParam("campaignId", campaignId.toString()).queryParam("status", "CLOSED")
                .when().get("/api/feedback/rounds")
                .then().statusCode(200).body("total", equalTo(0)).body("items.id", not(hasItem(id)));
    }

    @Test
    void malformedListFiltersAreRuleViolationsNotMissingPages() {
        as("sales", "sam").queryParam("status", "HALF_OPEN")
                .when().get("/api/feedback/rounds")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("status"));
        as("sales", "sam").queryParam("campaignId", "42")
                .when().get("/api/feedback/rounds")
                .then().statusCode(422).body("violations.field", contains("campaignId"));
        as("sales", "sam").queryParam("size", 0)
                .when().get("/api/feedback/rounds")
                .then().statusCode(422).body("violations.field", contains("size"));
    }

    @Test
    void aPageFarBeyondTheLastIsEmptyNotAnError() {
        as("sales", "sam").queryParam("page", PageQuery.MAX_PAGE).queryParam("size", 200)
                .when().get("/api/feedback/rounds")
                .then().statusCode(200).body("items", empty()).body("page", equalTo(PageQuery.MAX_PAGE));
    }

    @Test
    void aPageNumberBeyondAnyListIsA422() {
        as("sales", "sam").queryParam("page", Integer.MAX_VALUE)
                .when().get("/api/feedback/rounds")
                .then().statusCode(422).body("violations.field", contains("page"));
    }

    @Test
    void anUnknownRoundIsA404() {
        as("sales", "sam").when().get("/api/feedback/rounds/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        as("sales", "sam").when().post("/api/feedback/rounds/" + UUID.randomUUID() + "/close")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theDocumentedEntryHasNoTeamToChoose() {
        io.restassured.RestAssured.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.schemas.EntryRequest.properties", hasKey("leadQuality"))
                .body("components.schemas.EntryRequest.properties", not(hasKey("team")));
    }

    @Test
    void withoutATokenNothingIsServed() {
        io.restassured.RestAssured.given().when().get("/api/feedback/rounds")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
