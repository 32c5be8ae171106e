package io.smarketing.campaigns.api;

import static io.restassured.RestAssured.given;
import static io.smarketing.campaigns.api.Campaigns.as;
import static io.smarketing.campaigns.api.Campaigns.asMarketing;
import static io.smarketing.campaigns.api.Campaigns.plan;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.events.Channel;
import io.smarketing.events.EventJson;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CampaignResourceTest {

    private static ConsumerRecord<String, byte[]> published(UUID campaignId, String ceType) {
        return TopicProbe.awaitRecord(Topics.CAMPAIGNS, record -> campaignId.toString().equals(record.key())
                && ceType.equals(TopicProbe.header(record, CloudEventRecord.TYPE)));
    }

    private static <T> T event(UUID campaignId, String ceType, Class<T> type) {
        return EventJson.read(published(campaignId, ceType).value(), type);
    }

    private static Map<String, Object> planWithout(String... fields) {
        Map<String, Object> plan = plan("Broken " + UUID.randomUUID());
        for (String field : fields) {
            plan.remove(field);
        }
        return plan;
    }

    @Test
    void marketingPlansADraftAndCampaignPlannedIsPublishedInTheCurrency() {
        String name = "Spring webinar " + UUID.randomUUID();
        String id = asMarketing().body(plan(name)).when().post("/api/campaigns")
                .then().statusCode(201)
                .header("Location", containsString("/api/campaigns/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT")).body("currency", equalTo("JPY"))
                .body("totalSpend", equalTo(0)).body("version", equalTo(0))
                .extract().path("id");

        ConsumerRecord<String, byte[]> record = published(UUID.fromString(id), CampaignPlanned.TYPE);
        assertEquals("/smarketing/campaigns-service", TopicProbe.header(record, CloudEventRecord.SOURCE));
        CampaignPlanned planned = EventJson.read(record.value(), CampaignPlanned.class);
        assertEquals(name, planned.name());
        assertEquals(Channel.EVENT, planned.channel());
        assertEquals(new BigDecimal("500000"), planned.budget());
        assertEquals("JPY", planned.currency());
        assertEquals("Close the books in a day", planned.keyMessage());
        assertEquals("mia", planned.marketingOwner());
        assertEquals("sam", planned.salesLiaison());
        assertEquals("mia", planned.by());

        as("sales", "sam").when().get("/api/campaigns/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("name", equalTo(name));
    }

    @Test
    void aPlanWithoutASalesLiaisonIsA422() {
        asMarketing().body(planWithout("salesLiaison")).when().post("/api/campaigns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("salesLiaison")));
    }

    @Test
    void aPlanWithNeitherOwnerNamesBothSides() {
        asMarketing().body(planWithout("marketingOwner", "salesLiaison")).when().post("/api/campaigns")
                .then().statusCode(422)
                .body("violations.field", containsInAnyOrder("marketingOwner", "salesLiaison"));
    }

    @Test
    void brokenRulesAreEachNamedInOne422() {
        Map<String, Object> plan = planWithout("keyMessage");
        plan.put("budget", -5);
        plan.put("endDate", "2026-03-01");
        asMarketing().body(plan).when().post("/api/campaigns")
                .then().statusCode(422)
                .body("violations.field", containsInAnyOrder("budget", "endDate", "keyMessage"));
    }

    /** The same mechanism and words as every service: Bean Validation, one problem+json shape. */
    @Test
    void brokenRulesAreReportedAsInEveryService() {
        Map<String, Object> plan = planWithout("salesLiaison", "channel");
        asMarketing().body(plan).when().post("/api/campaigns")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:smarketing:problem:validation"))
                .body("detail", equalTo("2 field(s) are invalid"))
                .body("violations.field", equalTo(List.of("channel", "salesLiaison")))
                .body("violations.message", equalTo(List.of("must not be null", "must not be blank")));
    }

    @Test
    void aFractionalYenBudgetIsA422() {
        Map<String, Object> plan = plan("Fractional");
        plan.put("budget", 100.5);
        asMarketing().body(plan).when().post("/api/campaigns")
                .then().statusCode(422).body("violations[0].field", equalTo("budget"))
                .body("violations[0].message", equalTo("must be a whole number of JPY"));
    }

    @Test
    void anUnknownChannelOrABadDateIsA422AndBrokenJsonA400() {
        Map<String, Object> plan = plan("Bad channel");
        plan.put("channel", "TELEPATHY");
        asMarketing().body(plan).when().post("/api/campaigns")
                .then().statusCode(422).body("violations[0].field", equalTo("channel"));
        Map<String, Object> badDate = plan("Bad date");
        badDate.put("startDate", "2026-02-30");
        asMarketing().body(badDate).when().post("/api/campaigns")
                .then().statusCode(422).body("violations[0].field", equalTo("startDate"));
        asMarketing().body("{\"name\": ").when().post("/api/campaigns")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyoneReadsButOnlyMarketingWrites() {
        UUID id = Campaigns.create("Readable " + UUID.randomUUID());
        as("sales", "sam").body(plan("By sales")).when().post("/api/campaigns").then().statusCode(403);
        as("executive", "erin").when().post("/api/campaigns/" + id + "/launch").then().statusCode(403);
        as("sales", "sam").body(Map.of("amount", 1)).when().post("/api/campaigns/" + id + "/spend")
                .then().statusCode(403);
        as("executive", "erin").when().get("/api/campaigns/" + id).then().statusCode(200);
        as("sales", "sam").when().get("/api/campaigns/" + id + "/performance").then().statusCode(200);
        given().when().get("/api/campaigns/" + id).then().statusCode(401);
    }

    @Test
    void aCampaignRunsFromDraftToCompletedAndEachStepIsPublished() {
        UUID id = Campaigns.create("Lifecycle " + UUID.randomUUID());
        asMarketing().when().post("/api/campaigns/" + id + "/launch")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).header("ETag", "\"1\"");
        asMarketing().when().post("/api/campaigns/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        assertEquals(CampaignStatus.ACTIVE, event(id, CampaignLaunched.TYPE, CampaignLaunched.class).status());
        CampaignCompleted completed = event(id, CampaignCompleted.TYPE, CampaignCompleted.class);
        assertEquals(CampaignStatus.COMPLETED, completed.status());
        assertEquals("mia", completed.by());
    }

    @Test
    void forbiddenTransitionsAreConflictsThatChangeNothing() {
        UUID id = Campaigns.create("Forbidden " + UUID.randomUUID());
        asMarketing().when().post("/api/campaigns/" + id + "/complete")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Cannot complete a DRAFT campaign (allowed when ACTIVE)"));
        asMarketing().when().post("/api/campaigns/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        asMarketing().when().post("/api/campaigns/" + id + "/launch").then().statusCode(409);
        asMarketing().when().post("/api/campaigns/" + id + "/cancel").then().statusCode(409);
        asMarketing().when().get("/api/campaigns/" + id).then().body("status", equalTo("CANCELLED"));
        TopicProbe.awaitRecord(Topics.CAMPAIGNS, record -> id.toString().equals(record.key())
                && "io.smarketing.campaign.cancelled.v1".equals(TopicProbe.header(record, CloudEventRecord.TYPE)));
    }

    @Test
    void onlyAnActiveCampaignRecordsSpendAndTheTotalIsPublished() {
        UUID id = Campaigns.create("Spend " + UUID.randomUUID());
        asMarketing().body(Map.of("amount", 1000)).when().post("/api/campaigns/" + id + "/spend")
                .then().statusCode(409);
        asMarketing().when().post("/api/campaigns/" + id + "/launch").then().statusCode(200);
        Campaigns.spend(id, 120000);
        asMarketing().body(Map.of("amount", 30000, "note", "venue deposit"))
                .when().post("/api/campaigns/" + id + "/spend")
                .then().statusCode(200).body("totalSpend", equalTo(150000));

        List<ConsumerRecord<String, byte[]>> spends = TopicProbe.awaitRecords(Topics.CAMPAIGNS,
                record -> id.toString().equals(record.key())
                        && CampaignSpendRecorded.TYPE.equals(TopicProbe.header(record, CloudEventRecord.TYPE)), 2);
        CampaignSpendRecorded last = spends.stream().map(r -> EventJson.read(r.value(), CampaignSpendRecorded.class))
                .filter(e -> e.note() != null).findFirst().orElseThrow();
        assertEquals(new BigDecimal("30000"), last.amount());
        assertEquals(new BigDecimal("150000"), last.totalSpend());
        assertEquals("JPY", last.currency());
    }

    @Test
    void spendMustBeMoreThanZeroSoTheTotalNeverGoesDown() {
        UUID id = Campaigns.launched("No refunds " + UUID.randomUUID());
        Campaigns.spend(id, 5000);
        for (Object amount : new Object[] { 0, -5000, -1, 10.5 }) {
            asMarketing().body(Map.of("amount", amount)).when().post("/api/campaigns/" + id + "/spend")
                    .then().statusCode(422).body("violations[0].field", equalTo("amount"));
        }
        asMarketing().body(Map.of("note", "no amount")).when().post("/api/campaigns/" + id + "/spend")
                .then().statusCode(422);
        asMarketing().when().get("/api/campaigns/" + id).then().body("totalSpend", equalTo(5000));
    }

    @Test
    void putReplacesThePlanOnlyForTheVersionRead() {
        UUID id = Campaigns.create("Revisable " + UUID.randomUUID());
        Map<String, Object> revised = plan("Revised " + id);
        revised.put("keyMessage", "Close the books in an hour");
        asMarketing().header("If-Match", "\"0\"").body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("keyMessage", equalTo("Close the books in an hour")).body("version", equalTo(1));

        revised.put("budget", 1);
        asMarketing().header("If-Match", "\"0\"").body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        revised.put("version", 0);
        asMarketing().body(revised).when().put("/api/campaigns/" + id).then().statusCode(409);
        revised.remove("version");
        asMarketing().body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("version"));
        revised.put("version", 1);
        asMarketing().body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(200).body("budget", equalTo(1)).body("version", equalTo(2));

        CampaignUpdated updated = event(id, CampaignUpdated.TYPE, CampaignUpdated.class);
        assertEquals("Close the books in an hour", updated.keyMessage());
        assertEquals("JPY", updated.currency());
    }

    @Test
    void anIfMatchAndABodyVersionThatDisagreeAreAConflict() {
        UUID id = Campaigns.create("Two versions " + UUID.randomUUID());
        Map<String, Object> revised = plan("Two versions " + id);
        revised.put("version", 1);
        asMarketing().header("If-Match", "\"0\"").body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        revised.put("version", 0);
        asMarketing().header("If-Match", "\"0\"").body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void putBreakingARuleOrOnAFinishedCampaignChangesNothing() {
        UUID id = Campaigns.create("Frozen " + UUID.randomUUID());
        Map<String, Object> revised = planWithout("marketingOwner");
        asMarketing().header("If-Match", "\"0\"").body(revised).when().put("/api/campaigns/" + id)
                .then().statusCode(422).body("violations.field", hasItem("marketingOwner"));
        asMarketing().when().post("/api/campaigns/" + id + "/cancel").then().statusCode(200);
        asMarketing().header("If-Match", "\"1\"").body(plan("Too late")).when().put("/api/campaigns/" + id)
                .then().statusCode(409);
        asMarketing().when().get("/api/campaigns/" + id).then().body("marketingOwner", equalTo("mia"))
                .body("name", containsString("Frozen"));
    }

    @Test
    void anUnknownCampaignIsA404Everywhere() {
        String path = "/api/campaigns/" + UUID.randomUUID();
        asMarketing().when().get(path).then().statusCode(404).contentType("application/problem+json");
        asMarketing().header("If-Match", "\"0\"").body(plan("Ghost")).when().put(path).then().statusCode(404);
        asMarketing().when().post(path + "/launch").then().statusCode(404);
        asMarketing().body(Map.of("amount", 1)).when().post(path + "/spend").then().statusCode(404);
        asMarketing().when().get(path + "/performance").then().statusCode(404);
    }

    @Test
    void badListParametersAre422s() {
        asMarketing().when().get("/api/campaigns?sort=popularity").then().statusCode(422)
                .body("violations[0].field", equalTo("sort"));
        asMarketing().when().get("/api/campaigns?status=RUNNING").then().statusCode(422);
        asMarketing().when().get("/api/campaigns?model=middle").then().statusCode(422);
        asMarketing().when().get("/api/campaigns?size=0").then().statusCode(422);
        asMarketing().when().get("/api/campaigns/" + UUID.randomUUID() + "/performance?model=middle")
                .then().statusCode(422);
    }

    @Test
    void healthAndOpenApiAreServedWithoutAToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/campaigns/{id}/performance"));
    }
}
