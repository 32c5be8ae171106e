package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadWon;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ViewSeriesTest {

    /** The Monday of three weeks ago: days of two distinct ISO weeks around it, all in the past. */
    private static final LocalDate MONDAY = LocalDate.now(ZoneOffset.UTC).minusWeeks(3)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @Test
    void theSeriesCountsEachDayAndWeekOfTheWindow() {
        UUID campaign = UUID.randomUUID();
        // Sunday: two leads, one goes all the way to won 1,000 on Monday, answered in time
        UUID won = UUID.randomUUID();
        lead(won, campaign, MONDAY.minusDays(1));
        lead(UUID.randomUUID(), campaign, MONDAY.minusDays(1));
        Instant monday = noon(MONDAY);
        TopicProbe.publish(new LeadQualified(won, campaign, LeadStage.MQL, 70, "mia", monday));
        TopicProbe.publish(new LeadAssigned(won, campaign, LeadStage.MQL, "sam", monday.plusSeconds(3600), "mia",
                monday.plusSeconds(1)));
        TopicProbe.publish(new LeadAccepted(won, campaign, LeadStage.SQL, "sam", monday.plusSeconds(2), true, "sam",
                monday.plusSeconds(2)));
        TopicProbe.publish(new LeadWon(won, campaign, LeadStage.WON, new BigDecimal("1000"), "JPY", "sam",
                monday.plusSeconds(3)));
        // Wednesday: one more lead
        lead(UUID.randomUUID(), campaign, MONDAY.plusDays(2));

        JsonPath days = await().atMost(Duration.ofSeconds(30)).until(
                () -> series(campaign, MONDAY.minusDays(1), MONDAY.plusDays(2), "day"),
                s -> s.getInt("points[0].leads") == 2 && s.getInt("points[1].won") == 1 && s.getInt("points[3].leads") == 1);
        assertEquals(4, days.getList("points").size(), "Sunday to Wednesday, the quiet Tuesday included");
        assertEquals(List.of(MONDAY.minusDays(1).toString(), MONDAY.toString(), MONDAY.plusDays(1).toString(),
                MONDAY.plusDays(2).toString()), days.getList("points.start"));
        assertEquals(Map.of("start", MONDAY.toString(), "leads", 0, "mqls", 1, "sqls", 1, "won", 1,
                "revenue", 1000.0f, "slaCompliance", 100.0f), days.getMap("points[1]"));
        assertEquals(0, days.getInt("points[2].leads"));
        assertNull(days.get("points[2].slaCompliance"), "no follow-up was due on Tuesday");

        JsonPath weeks = series(campaign, MONDAY.minusDays(1), MONDAY.plusDays(2), "week");
        assertEquals(List.of(MONDAY.minusWeeks(1).toString(), MONDAY.toString()), weeks.getList("points.start"));
        assertEquals(2, weeks.getInt("points[0].leads"));
        assertEquals(1, weeks.getInt("points[1].leads"));
        assertEquals(1000.0f, weeks.getFloat("points[1].revenue"));
        assertEquals("WEEK", weeks.getString("bucket"));

        // partial edge days: from Sunday 11:00 (after both leads came in) to Monday 12:00:01 (before the accept)
        JsonPath partial = given().header("Authorization", Tokens.bearer("sales", "sam"))
                .queryParam("campaignId", campaign.toString()).queryParam("bucket", "day")
                .queryParam("from", noon(MONDAY.minusDays(1)).minusSeconds(3600).toString())
                .queryParam("to", monday.plusSeconds(1).toString())
                .when().get("/api/view/series").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(MONDAY.minusDays(1).toString(), MONDAY.toString()), partial.getList("points.start"));
        assertEquals(0, partial.getInt("points[0].leads"));
        assertEquals(1, partial.getInt("points[1].mqls"));
        assertEquals(0, partial.getInt("points[1].sqls"));
    }

    @Test
    void badParametersAre422() {
        for (Map<String, String> query : List.of(Map.of("bucket", "month"), Map.of("from", "yesterday"),
                Map.of("from", "2026-11-02", "to", "2026-11-01"), Map.of("from", "2020-01-01", "to", "2026-01-01"))) {
            given().header("Authorization", Tokens.bearer("sales", "sam")).queryParams(query)
                    .when().get("/api/view/series").then().statusCode(422).contentType("application/problem+json");
        }
        // the chassis' words for a bad choice, as in every service's query parameters
        given().header("Authorization", Tokens.bearer("sales", "sam")).queryParam("bucket", "month")
                .when().get("/api/view/series").then().statusCode(422)
                .body("violations[0].field", equalTo("bucket"))
                .body("violations[0].message", equalTo("must be one of [day, week]"));
    }

    @Test
    void withoutParametersTheLast30DaysAreListed() {
        JsonPath series = given().header("Authorization", Tokens.bearer("marketing", "mia"))
                .when().get("/api/view/series").then().statusCode(200).extract().jsonPath();
        assertEquals(30, series.getList("points").size());
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), series.getString("points[29].start"));
    }

    @Test
    void theSeriesNeedsATokenAndIsDocumented() {
        given().when().get("/api/view/series").then().statusCode(401);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/view/series"));
    }

    private static void lead(UUID lead, UUID campaign, LocalDate day) {
        TopicProbe.publish(new LeadCreated(lead, campaign, LeadStage.NEW, lead + "@example.com", "Lee", null,
                Channel.WEB, 40, "mia", noon(day).minusSeconds(7200)));
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static JsonPath series(UUID campaign, LocalDate from, LocalDate to, String bucket) {
        return given().header("Authorization", Tokens.bearer("executive", "erin"))
                .queryParam("campaignId", campaign.toString()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("bucket", bucket)
                .when().get("/api/view/series").then().statusCode(200).extract().jsonPath();
    }
}
