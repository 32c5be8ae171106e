package io.smarketing.leads;

import static io.restassured.RestAssured.given;
import static io.smarketing.leads.LeadsApi.EXECUTIVE;
import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.capture;
import static io.smarketing.leads.LeadsApi.mqlLeadJson;
import static io.smarketing.leads.LeadsApi.newLeadJson;
import static io.smarketing.leads.LeadsApi.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadTouched;
import io.smarketing.testing.RealInfrastructure;

/** Capture (scoring, MQL, dedupe, campaign check) and reading leads. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LeadResourceTest {

    @Test
    void marketingCapturesALeadAndLeadCreatedIsPublished() {
        String email = uniqueEmail();
        String id = as(MARKETING, "alice").body(newLeadJson(email))
                .when().post("/api/leads")
                .then().statusCode(201)
                .header("Location", containsString("/api/leads/"))
                .body("email", equalTo(email)).body("stage", equalTo("NEW")).body("score", equalTo(40))
                .body("ownerId", nullValue())
                .extract().path("id");

        JsonNode event = awaitEvent(id, LeadCreated.TYPE);
        assertEquals(email, event.get("email").asText());
        assertEquals("alice", event.get("by").asText());
        assertEquals("NEW", event.get("stage").asText());
        assertEquals(40, event.get("score").asInt());
        assertEquals("WEB", event.get("channel").asText());

        as(SALES, "sam").when().get("/api/leads/" + id)
                .then().statusCode(200).body("name", equalTo("Ann Lee"));
        as(EXECUTIVE, "erin").when().get("/api/leads?size=200")
                .then().statusCode(200).body("items.id", hasItem(id)).body("total", greaterThanOrEqualTo(1));
    }

    /** As every service answers a versioned resource: its version in the body and as the ETag. */
    @Test
    void aLeadAnswersWithItsVersionAsETag() {
        String id = as(MARKETING, "alice").body(newLeadJson(uniqueEmail())).when().post("/api/leads")
                .then().statusCode(201).header("ETag", "\"0\"").body("version", equalTo(0)).extract().path("id");
        as(MARKETING, "alice").when().post("/api/leads/" + id + "/qualify")
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        as(SALES, "sam").when().get("/api/leads/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aLeadScoringAtLeastTheThresholdIsAnMqlAtOnce() {
        String id = capture(mqlLeadJson(uniqueEmail()));

        as(SALES, "sam").when().get("/api/leads/" + id).then().body("stage", equalTo("MQL")).body("score", equalTo(75));
        JsonNode event = awaitEvent(id, LeadCreated.TYPE);
        assertEquals("MQL", event.get("stage").asText());
        assertEquals(75, event.get("score").asInt());
    }

    @Test
    void aCompleteSeniorReferralFromACampaignScoresTheFull100() {
        UUID campaign = LeadsApi.knownCampaign("One ledger for both teams");

        as(MARKETING, "mia").body("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Kai\",\"company\":\"Acme\","
                + "\"title\":\"CEO\",\"phone\":\"+81 3-1234-5678\",\"campaignId\":\"" + campaign
                + "\",\"channel\":\"REFERRAL\"}")
                .when().post("/api/leads")
                .then().statusCode(201).body("score", equalTo(100)).body("stage", equalTo("MQL"))
                .body("campaignId", equalTo(campaign.toString()));
    }

    @Test
    void anInvalidLeadIsA422AndNothingIsStored() {
        String email = "not-an-email-" + UUID.randomUUID();
        as(MARKETING, "alice").body("{\"email\":\"" + email + "\",\"name\":\"\",\"channel\":\"WEB\"}")
                .when().post("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("email")).body("violations.field", hasItem("name"));

        as(MARKETING, "alice").queryParam("q", email).when().get("/api/leads").then().body("total", equalTo(0));
    }

    @Test
    void anEmailWithoutADomainDotOrAnOverlongNameIsA422() {
        as(MARKETING, "alice").body("{\"email\":\"ann@localhost\",\"name\":\"" + "n".repeat(201)
                + "\",\"channel\":\"WEB\",\"phone\":\"call me\"}")
                .when().post("/api/leads")
                .then().statusCode(422)
                .body("violations.field", contains("email", "name", "phone"));
    }

    @Test
    void anUnknownChannelIsA422NamingTheField() {
        as(MARKETING, "alice").body("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Ann\",\"channel\":\"FAX\"}")
                .when().post("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("channel"));
    }

    @Test
    void malformedJsonIsA400() {
        as(MARKETING, "alice").body("{\"email\":").when().post("/api/leads")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void salesCannotCaptureLeads() {
        as(SALES, "sam").body(newLeadJson(uniqueEmail()))
                .when().post("/api/leads")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenNothingIsReadable() {
        given().when().get("/api/leads").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnknownLeadIsA404() {
        as(SALES, "sam").when().get("/api/leads/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aLeadForACampaignThisServiceNeverHeardOfIsA422() {
        UUID unknown = UUID.randomUUID();
        as(MARKETING, "mia").body("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Ann\",\"campaignId\":\"" + unknown
                + "\",\"channel\":\"WEB\"}")
                .when().post("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("campaignId"))
                .body("violations[0].message", equalTo("unknown campaign " + unknown));
    }

    @Test
    void aSecondSubmissionOfAnOpenLeadsEmailReturnsThatLeadAndIsLoggedAsATouch() {
        String email = uniqueEmail();
        String id = capture(newLeadJson(email));
        UUID campaign = LeadsApi.knownCampaign("Close the books in a day");

        Response again = as(MARKETING, "noa").body("{\"email\":\"  " + email.toUpperCase() + "\",\"name\":\"Ann L.\","
                + "\"campaignId\":\"" + campaign + "\",\"channel\":\"EVENT\"}").when().post("/api/leads");

        again.then().statusCode(200).header("Location", nullValue()).body("id", equalTo(id))
                .body("name", equalTo("Ann Lee"));
        JsonNode touch = awaitEvent(id, LeadTouched.TYPE);
        assertEquals("MARKETING", touch.get("team").asText());
        assertEquals("EVENT", touch.get("channel").asText());
        assertEquals("Submitted again via event", touch.get("touchSubject").asText());
        assertEquals(campaign.toString(), touch.get("touchCampaignId").asText());
        assertEquals("noa", touch.get("by").asText());
        assertEquals(1, LeadsApi.outboxEvents(id, LeadCreated.TYPE));
        as(MARKETING, "mia").queryParam("q", email).when().get("/api/leads").then().body("total", equalTo(1));
        as(MARKETING, "mia").when().get("/api/leads/" + id + "/timeline")
                .then().body("items.type", contains("created", "touched"));
    }

    @Test
    void simultaneousSubmissionsOfOneEmailGiveOneLeadAndOneTouch() throws Exception {
        String email = uniqueEmail();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Response>> posts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            posts.add(CompletableFuture.supplyAsync(() -> {
                arrive(start);
                return as(MARKETING, "mia").body(newLeadJson(email)).when().post("/api/leads");
            }));
        }

        List<Integer> statuses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<Response> post : posts) {
            statuses.add(post.get().statusCode());
            ids.add(post.get().path("id"));
        }
        statuses.sort(null);
        assertEquals(List.of(200, 201), statuses);
        assertEquals(ids.get(0), ids.get(1));
        assertEquals(1, LeadsApi.outboxEvents(ids.get(0), LeadTouched.TYPE));
    }

    @Test
    void leadsAreFilteredByStageOwnerCampaignAndFreeTextAndPaged() {
        String tag = "zeta" + UUID.randomUUID().toString().substring(0, 8);
        UUID campaign = LeadsApi.knownCampaign("Key " + tag);
        String plain = capture("{\"email\":\"" + tag + "-1@acme-corp.com\",\"name\":\"Ann\",\"channel\":\"WEB\"}");
        String byCompany = capture("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Bo\",\"company\":\"ACME " + tag.toUpperCase()
                + "\",\"title\":\"Head of IT\",\"channel\":\"REFERRAL\"}");
        String byName = capture("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Cy " + tag + "\",\"campaignId\":\""
                + campaign + "\",\"channel\":\"EMAIL\"}");
        as(MARKETING, "mia").body("{\"ownerId\":\"owner-" + tag + "\"}").when().post("/api/leads/" + byCompany + "/assign")
                .then().statusCode(200);

        as(SALES, "sam").queryParam("q", tag.toUpperCase()).when().get("/api/leads")
                .then().statusCode(200).body("total", equalTo(3)).body("items.id", contains(byName, byCompany, plain));
        as(SALES, "sam").queryParam("q", tag).queryParam("stage", "MQL").when().get("/api/leads")
                .then().body("items.id", contains(byCompany));
        as(SALES, "sam").queryParam("ownerId", "owner-" + tag).when().get("/api/leads")
                .then().body("items.id", contains(byCompany));
        as(SALES, "sam").queryParam("campaignId", campaign.toString()).when().get("/api/leads")
                .then().body("items.id", contains(byName));
        as(SALES, "sam").queryParam("q", tag).queryParam("size", 2).queryParam("page", 1).when().get("/api/leads")
                .then().body("items.id", contains(plain)).body("total", equalTo(3)).body("page", equalTo(1))
                .body("size", equalTo(2));
        as(SALES, "sam").queryParam("q", tag).queryParam("stage", "NEW").when().get("/api/leads")
                .then().body("items.stage", everyItem(equalTo("NEW"))).body("items", hasSize(2));
    }

    @Test
    void aRepsQueueIsSortedByTheSoonestFollowUpDeadlineWithUnassignedLeadsLast() {
        String tag = "queue" + UUID.randomUUID().toString().substring(0, 8);
        String first = capture(mqlLeadJson(tag + "-1@acme-corp.com"));
        String second = capture(mqlLeadJson(tag + "-2@acme-corp.com"));
        String unassigned = capture(mqlLeadJson(tag + "-3@acme-corp.com"));
        String third = capture(mqlLeadJson(tag + "-4@acme-corp.com"));
        for (String lead : List.of(second, third, first)) { // each deadline later than the one before
            as(MARKETING, "mia").body("{\"ownerId\":\"owner-" + tag + "\"}").when().post("/api/leads/" + lead + "/assign")
                    .then().statusCode(200);
        }

        as(SALES, "sam").queryParam("q", tag).queryParam("sort", "sla_due").when().get("/api/leads")
                .then().statusCode(200).body("items.id", contains(second, third, first, unassigned));
        as(SALES, "sam").queryParam("q", tag).queryParam("ownerId", "owner-" + tag).queryParam("sort", "SLA_DUE")
                .when().get("/api/leads").then().body("items.id", contains(second, third, first));
        as(SALES, "sam").queryParam("q", tag).when().get("/api/leads")
                .then().body("items.id", contains(third, unassigned, second, first));
        as(SALES, "sam").queryParam("q", tag).queryParam("sort", "newest").when().get("/api/leads")
                .then().body("items.id", contains(third, unassigned, second, first));
    }

    @Test
    void anUnknownSortIsA422ListingTheChoices() {
        as(SALES, "sam").queryParam("sort", "score").when().get("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("sort"))
                .body("violations.message", contains(containsString("sla_due")));
    }

    @Test
    void wildcardsInTheFreeTextAreTakenLiterally() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        capture("{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Percent " + tag + "\",\"channel\":\"WEB\"}");

        as(SALES, "sam").queryParam("q", tag.substring(0, 3) + "%" + tag.substring(4)).when().get("/api/leads")
                .then().body("total", equalTo(0));
        as(SALES, "sam").queryParam("q", "percent " + tag).when().get("/api/leads").then().body("total", equalTo(1));
    }

    @Test
    void anUnknownStageACampaignIdThatIsNoUuidOrABadPageSizeIsA422() {
        as(SALES, "sam").queryParam("stage", "HOT").when().get("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("stage"));
        as(SALES, "sam").queryParam("campaignId", "42").when().get("/api/leads")
                .then().statusCode(422).body("violations.field", contains("campaignId"));
        as(SALES, "sam").queryParam("size", 0).when().get("/api/leads")
                .then().statusCode(422).body("violations.field", contains("size"));
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
