package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The strategy step closing the loop: marketing launches a campaign and records its spend, leads-service captures
 * a lead for it (once its replica of campaign events knows the campaign), sales wins the deal, and the
 * campaign's revenue and ROI in campaigns-service change accordingly.
 */
class CampaignJourneyTest {

    private static final RestAssuredConfig EXACT_NUMBERS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private final String marketer = "mia-" + UUID.randomUUID();
    private final String salesRep = "sam-" + UUID.randomUUID();

    private RequestSpecification marketing(String service) {
        return as("marketing", marketer, service).config(EXACT_NUMBERS);
    }

    private RequestSpecification sales(String service) {
        return as("sales", salesRep, service).config(EXACT_NUMBERS);
    }

    @Test
    void winningALeadOfALaunchedCampaignRaisesItsRevenueAndRoi() {
        String campaignId = marketing(Platform.CAMPAIGNS).body(Map.of(
                "name", "Journey " + UUID.randomUUID(), "channel", "EVENT", "budget", 500000,
                "startDate", LocalDate.now().toString(), "endDate", LocalDate.now().plusDays(30).toString(),
                "keyMessage", "Close the books in a day", "marketingOwner", marketer, "salesLiaison", salesRep))
                .when().post("/api/campaigns")
                .then().statusCode(201).extract().path("id");
        marketing(Platform.CAMPAIGNS).when().post("/api/campaigns/" + campaignId + "/launch")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        marketing(Platform.CAMPAIGNS).body(Map.of("amount", 100000, "note", "venue"))
                .when().post("/api/campaigns/" + campaignId + "/spend")
                .then().statusCode(200);

        JsonPath before = performance(campaignId);
        assertEquals(0, before.getInt("leads"));
        assertEquals(0, decimal(before, "revenue").signum());
        assertEquals(0, new BigDecimal("-1").compareTo(decimal(before, "roi")), "spend without revenue");
        assertNull(before.get("sqlToWonRate"));

        String leadId = captureLead(campaignId);
        if ("NEW".equals(marketing(Platform.LEADS).when().get("/api/leads/" + leadId).then().statusCode(200)
                .extract().path("stage"))) {
            marketing(Platform.LEADS).when().post("/api/leads/" + leadId + "/qualify").then().statusCode(200);
        }
        marketing(Platform.LEADS).body(Map.of("ownerId", salesRep)).when().post("/api/leads/" + leadId + "/assign")
                .then().statusCode(200);
        sales(Platform.LEADS).when().post("/api/leads/" + leadId + "/accept").then().statusCode(200);
        sales(Platform.LEADS).body(Map.of("amount", 400000)).when().post("/api/leads/" + leadId + "/win")
                .then().statusCode(200);

        JsonPath after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> performance(campaignId), p -> decimal(p, "revenue").signum() > 0);
        assertEquals(0, new BigDecimal("400000").compareTo(decimal(after, "revenue")));
        assertEquals(0, new BigDecimal("3").compareTo(decimal(after, "roi")), "(400 000 − 100 000) / 100 000");
        assertEquals(1, after.getInt("leads"));
        assertEquals(1, after.getInt("won"));
        assertEquals(0, BigDecimal.ONE.compareTo(decimal(after, "sqlToWonRate")));
        for (String model : new String[] { "last", "linear" }) {
            assertEquals(0, new BigDecimal("400000").compareTo(decimal(performance(campaignId, model), "revenue")),
                    "an untouched lead credits its source campaign in the " + model + " model too");
        }
        marketing(Platform.CAMPAIGNS).when().get("/api/campaigns?status=active&sort=roi&size=200")
                .then().statusCode(200)
                .body("items.find { it.id == '" + campaignId + "' }.revenue", notNullValue());
    }

    /** leads-service accepts the campaign once its replica has consumed campaign.planned and launched. */
    private String captureLead(String campaignId) {
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> lead = Map.of("email", email, "name", "Kai Ito", "channel", "EVENT",
                "campaignId", campaignId);
        return Platform.captureLead(marketer, lead).then().statusCode(201).extract().path("id");
    }

    private JsonPath performance(String campaignId) {
        return performance(campaignId, "first");
    }

    private JsonPath performance(String campaignId, String model) {
        return marketing(Platform.CAMPAIGNS).when().get("/api/campaigns/" + campaignId + "/performance?model=" + model)
                .then().statusCode(200).extract().jsonPath();
    }

    private static BigDecimal decimal(JsonPath json, String field) {
        return new BigDecimal(json.getString(field));
    }
}
