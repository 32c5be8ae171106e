package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.EventJson;
import io.smarketing.events.GoalSet;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class GoalResourceTest {

    private static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role, "erin")).contentType(ContentType.JSON);
    }

    static String goalJson(String metric, String target, String sales, String marketing, UUID campaignId) {
        LocalDate today = LocalDate.now();
        return """
                {"name": "Pipeline %s", "metric": "%s", "target": %s, "periodStart": "%s", "periodEnd": "%s",
                 "salesOwners": %s, "marketingOwners": %s, "campaignId": %s}"""
                .formatted(metric, metric, target, today.minusDays(10), today.plusDays(20), sales, marketing,
                        campaignId == null ? "null" : "\"" + campaignId + "\"");
    }

    @Test
    void anExecutiveSetsAGoalAndGoalSetIsPublished() {
        String id = as("executive").body(goalJson("REVENUE", "1000000", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals")
                .then().statusCode(201).body("metric", equalTo("REVENUE")).body("version", equalTo(0))
                .extract().path("id");

        var record = TopicProbe.awaitRecord(Topics.GOALS, r -> id.equals(r.key()));
        assertEquals(GoalSet.TYPE, TopicProbe.header(record, CloudEventRecord.TYPE));
        assertEquals("erin", EventJson.read(record.value(), GoalSet.class).by());

        as("sales").when().get("/api/goals/" + id).then().statusCode(200).body("salesOwners[0]", equalTo("sam"));
        as("marketing").when().get("/api/goals?size=200").then().statusCode(200).body("items.id", hasItem(id));
        as("sales").when().get("/api/goals/" + id + "/progress")
                .then().statusCode(200).body("status", notNullValue()).body("target", equalTo(1000000.0f));
        as("sales").when().get("/api/goals/" + id + "/plan")
                .then().statusCode(200).body("remaining", notNullValue());
    }

    @Test
    void aGoalOwnedByOneTeamIsA422() {
        as("executive").body(goalJson("LEADS", "100", "[]", "[\"mia\"]", null))
                .when().post("/api/goals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("salesOwners"));
    }

    @Test
    void aZeroTargetIsA422() {
        as("executive").body(goalJson("LEADS", "0", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals")
                .then().statusCode(422).body("violations[0].field", equalTo("target"));
    }

    @Test
    void aTargetIsCheckedAsItWouldBeStored() {
        for (String target : new String[] { "0.004", "1E-300000000", "1E+300000000", "100000000000000000", "1E+15" }) {
            as("executive").body(goalJson("LEADS", target, "[\"sam\"]", "[\"mia\"]", null))
                    .when().post("/api/goals")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("target"));
        }
        as("executive").body(goalJson("REVENUE", "999999999999999.99", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals")
                .then().statusCode(201).body("target", equalTo(999999999999999.99f));
    }

    @Test
    void aPeriodOutsideTheYears1970To9999IsA422() {
        String json = goalJson("LEADS", "10", "[\"sam\"]", "[\"mia\"]", null)
                .replaceFirst("\"periodEnd\": \"[^\"]+\"", "\"periodEnd\": \"+999999999-12-31\"");
        as("executive").body(json).when().post("/api/goals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("periodEnd"));
    }

    @Test
    void onlyExecutivesSetGoals() {
        as("marketing").body(goalJson("LEADS", "100", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals").then().statusCode(403);
    }

    @Test
    void revisingWithAStaleVersionIsAConflictAndChangesNothing() {
        String id = as("executive").body(goalJson("MQLS", "50", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals").then().statusCode(201).extract().path("id");
        String revised = goalJson("MQLS", "80", "[\"sam\"]", "[\"mia\"]", null).replace("}", ", \"version\": 0}");
        as("executive").body(revised).when().put("/api/goals/" + id)
                .then().statusCode(200).body("target", equalTo(80.0f)).body("version", equalTo(1));

        as("executive").body(revised.replace("80", "90")).when().put("/api/goals/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        as("executive").when().get("/api/goals/" + id).then().body("target", equalTo(80.0f));
    }

    /** The platform's one way to revise: the ETag read, sent back as If-Match (or the body's version). */
    @Test
    void aGoalAnswersWithItsVersionAsETagAndARevisionHonoursIfMatch() {
        String id = as("executive").body(goalJson("SQLS", "20", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals").then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        String etag = as("sales").when().get("/api/goals/" + id).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);

        String revised = goalJson("SQLS", "25", "[\"sam\"]", "[\"mia\"]", null);
        as("executive").header("If-Match", etag).body(revised).when().put("/api/goals/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        as("executive").header("If-Match", etag).body(revised.replace("25", "30")).when().put("/api/goals/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        // header and body naming different versions: at most one is current, so a conflict either way
        as("executive").header("If-Match", "\"1\"").body(revised.replace("}", ", \"version\": 0}"))
                .when().put("/api/goals/" + id).then().statusCode(409);
        as("executive").body(revised).when().put("/api/goals/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("version"));
        as("executive").header("If-Match", "yesterday").body(revised).when().put("/api/goals/" + id)
                .then().statusCode(422).body("violations[0].field", equalTo("If-Match"));
        as("executive").when().get("/api/goals/" + id).then().body("target", equalTo(25.0f)).body("version", equalTo(1));
    }

    @Test
    void evaluatingAGoalDoesNotMoveTheVersionItsEditorRead() {
        // A third of the period gone and no lead of a fresh campaign: evaluation finds the goal at risk.
        String id = as("executive").body(goalJson("LEADS", "5", "[\"sam\"]", "[\"mia\"]", UUID.randomUUID()))
                .when().post("/api/goals").then().statusCode(201).body("version", equalTo(0)).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("executive")
                .when().get("/api/goals/" + id).then().statusCode(200).body("lastStatus", equalTo("AT_RISK")));

        as("executive").when().get("/api/goals/" + id).then().body("version", equalTo(0));
        String revised = goalJson("LEADS", "3", "[\"sam\"]", "[\"mia\"]", null).replace("}", ", \"version\": 0}");
        as("executive").body(revised).when().put("/api/goals/" + id)
                .then().statusCode(200).body("target", equalTo(3.0f)).body("version", equalTo(1));
    }

    @Test
    void aPlanIsOnlyForRevenueGoals() {
        String id = as("executive").body(goalJson("LEADS", "100", "[\"sam\"]", "[\"mia\"]", null))
                .when().post("/api/goals").then().statusCode(201).extract().path("id");
        as("sales").when().get("/api/goals/" + id + "/plan").then().statusCode(422);
    }

    @Test
    void anUnknownGoalIsA404() {
        as("sales").when().get("/api/goals/" + UUID.randomUUID()).then().statusCode(404);
    }
}
