package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The whole smarketing loop through the four running services: an executive sets goals, marketing plans and
 * launches a campaign and captures leads, sales accepts, rejects and wins them, the campaign completes and
 * both teams close its feedback round — and the shared view and the goals show exactly those numbers.
 */
class SmarketingLoopTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String marketer = "mia-" + tag;
    private final String seller = "sam-" + tag;

    @Test
    void theViewAndTheGoalsShowExactlyWhatBothTeamsDid() {
        LocalDate today = LocalDate.now();
        String campaignId = as("marketing", marketer, Platform.CAMPAIGNS).body(Map.of(
                "name", "Loop " + tag, "channel", "EVENT", "budget", 1000000,
                "startDate", today.toString(), "endDate", today.plusDays(30).toString(),
                "keyMessage", "Close the books in a day", "marketingOwner", marketer, "salesLiaison", seller))
                .when().post("/api/campaigns").then().statusCode(201).extract().path("id");
        String revenueGoal = setGoal("REVENUE", 1000000, campaignId, today);
        String leadsGoal = setGoal("LEADS", 3, campaignId, today);
        as("marketing", marketer, Platform.CAMPAIGNS).when().post("/api/campaigns/" + campaignId + "/launch")
                .then().statusCode(200);
        as("marketing", marketer, Platform.CAMPAIGNS).body(Map.of("amount", 200000))
                .when().post("/api/campaigns/" + campaignId + "/spend").then().statusCode(200);

        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(captureAndAssign(campaignId, i));
        }
        sales().when().post("/api/leads/" + leads.get(0) + "/accept").then().statusCode(200);
        sales().when().post("/api/leads/" + leads.get(1) + "/accept").then().statusCode(200);
        sales().body("{\"reason\":\"NO_BUDGET\"}").when().post("/api/leads/" + leads.get(2) + "/reject")
                .then().statusCode(200);
        sales().body("{\"amount\":600000}").when().post("/api/leads/" + leads.get(0) + "/win")
                .then().statusCode(200);

        as("marketing", marketer, Platform.CAMPAIGNS).when().post("/api/campaigns/" + campaignId + "/complete")
                .then().statusCode(200);
        String roundId = Platform.awaitFeedbackRound(campaignId);
        String entries = "/api/feedback/rounds/" + roundId + "/entries";
        as("sales", seller, Platform.FEEDBACK).body("{\"leadQuality\":4,\"comment\":\"Two of three were real buyers\"}")
                .when().post(entries).then().statusCode(201);
        as("marketing", marketer, Platform.FEEDBACK)
                .body("{\"comment\":\"Thanks\",\"actions\":[\"Qualify budget on the form\"]}")
                .when().post(entries).then().statusCode(201);
        as("sales", seller, Platform.FEEDBACK).when().post("/api/feedback/rounds/" + roundId + "/close")
                .then().statusCode(200);

        JsonPath view = await().atMost(PATIENCE).until(() -> view(campaignId),
                v -> v.getInt("funnel.won") == 1 && v.getInt("funnel.rejected") == 1
                        && "COMPLETED".equals(v.getString("campaigns[0].status"))
                        && v.get("feedback.avgLeadQuality") != null);
        assertEquals(Map.of("leads", 3, "mqls", 3, "sqls", 2, "won", 1, "lost", 0, "rejected", 1),
                view.getMap("funnel"));
        assertEquals(600000f, view.getFloat("revenue"));
        assertEquals(3, view.getInt("sla.assigned"));
        assertEquals(3, view.getInt("sla.met"));
        assertEquals(100f, view.getFloat("sla.complianceRate"));
        assertEquals(200000f, view.getFloat("campaigns[0].spend"));
        assertEquals(2f, view.getFloat("campaigns[0].roi"));
        assertEquals(4f, view.getFloat("feedback.avgLeadQuality"));
        assertEquals("NO_BUDGET", view.getString("feedback.topRejectionReasons[0].reason"));
        assertEquals(2, view.getList("goals").size());

        JsonPath revenue = progress(revenueGoal);
        assertEquals(600000f, revenue.getFloat("actual"));
        assertEquals(60f, revenue.getFloat("percent"));
        assertEquals("ACHIEVED", progress(leadsGoal).getString("status"));

        // The reverse funnel from this campaign's history: 600,000 per deal, 1 of 2 SQLs won, 2 of 3 MQLs accepted.
        JsonPath plan = as("sales", seller, Platform.GOALS).when().get("/api/goals/" + revenueGoal + "/plan")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(plan.getBoolean("enoughHistory"));
        assertEquals(400000f, plan.getFloat("remaining"));
        assertEquals(Map.of("deals", 1, "sqls", 2, "mqls", 3), plan.getMap("total"));
    }

    private String setGoal(String metric, int target, String campaignId, LocalDate today) {
        return as("executive", "erin", Platform.GOALS).body(Map.of("name", metric + " " + tag, "metric", metric,
                "target", target, "periodStart", today.withDayOfMonth(1).toString(),
                "periodEnd", today.plusMonths(1).withDayOfMonth(1).minusDays(1).toString(),
                "salesOwners", List.of(seller), "marketingOwners", List.of(marketer), "campaignId", campaignId))
                .when().post("/api/goals").then().statusCode(201).extract().path("id");
    }

    /** A senior referral scores as an MQL at once; leads-service accepts it once it knows the campaign. */
    private String captureAndAssign(String campaignId, int index) {
        String body = "{\"email\":\"loop-" + tag + "-" + index + "@acme-corp.com\",\"name\":\"Lou Pe\","
                + "\"company\":\"Acme\",\"title\":\"Head of Finance\",\"channel\":\"REFERRAL\","
                + "\"campaignId\":\"" + campaignId + "\"}";
        Response created = Platform.captureLead(marketer, body).then().statusCode(201).extract().response();
        String leadId = created.path("id");
        assertEquals("MQL", created.path("stage"));
        as("marketing", marketer, Platform.LEADS).body("{\"ownerId\":\"" + seller + "\"}")
                .when().post("/api/leads/" + leadId + "/assign").then().statusCode(200);
        return leadId;
    }

    private io.restassured.specification.RequestSpecification sales() {
        return as("sales", seller, Platform.LEADS);
    }

    private static JsonPath view(String campaignId) {
        return as("executive", "erin", Platform.GOALS).queryParam("campaignId", campaignId).when().get("/api/view")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath progress(String goalId) {
        return as("marketing", "mia", Platform.GOALS).when().get("/api/goals/" + goalId + "/progress")
                .then().statusCode(200).extract().jsonPath();
    }
}
