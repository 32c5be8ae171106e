package io.smarketing.leads;

import static io.smarketing.leads.LeadsApi.EXECUTIVE;
import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.capture;
import static io.smarketing.leads.LeadsApi.knownCampaign;
import static io.smarketing.leads.LeadsApi.uniqueEmail;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.LeadAssigned;
import io.smarketing.leads.service.Router;
import io.smarketing.testing.RealInfrastructure;

/**
 * Automatic routing against the real database and broker: MQLs from every path reach the next rep of their
 * rule within seconds, wait in order when nobody is free and go as soon as capacity frees, skip reps who are
 * away, and never get two owners when several routers run at once. Each test routes only its own campaign's
 * leads, and removes its rules afterwards, so the other test classes' MQLs stay unrouted.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class RoutingTest {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    Router router;

    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void removeRules() {
        rules.forEach(id -> as(EXECUTIVE, "erin").when().delete("/api/routing/rules/" + id));
        rules.clear();
    }

    @Test
    void anMqlCapturedForARulesCampaignGoesToTheNextRepInRotationWithinSeconds() {
        UUID campaign = knownCampaign("One team");
        String tag = tag();
        String ruleId = rule(campaign, null, seat("rep-" + tag + "-a", 10), seat("rep-" + tag + "-b", 10));

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant captured = Instant.now();
            String id = capture(mqlJson(campaign));
            String owner = awaitOwner(id);
            owners.add(owner);
            JsonNode assigned = awaitEvent(id, LeadAssigned.TYPE);
            assertEquals("router", assigned.get("by").asText());
            assertEquals(ruleId, assigned.get("routingRuleId").asText());
            Instant mqlAt = Instant.parse(assigned.get("mqlAt").asText());
            Duration handoff = Duration.between(mqlAt, Instant.parse(assigned.get("occurredAt").asText()));
            assertTrue(!mqlAt.isBefore(captured.minusSeconds(1)) && handoff.compareTo(WITHIN) < 0, "handoff " + handoff);
            System.out.printf("routing: MQL -> assigned in %d ms%n", handoff.toMillis());
        }
        assertEquals(List.of("rep-" + tag + "-a", "rep-" + tag + "-b", "rep-" + tag + "-a", "rep-" + tag + "-b"), owners);
    }

    @Test
    void qualifyReQualificationAndAnImportAreRoutedLikeACapture() {
        UUID campaign = knownCampaign("One team");
        String rep = "rep-" + tag();
        rule(campaign, null, seat(rep, 10));

        String qualified = capture(newJson(campaign));
        as(MARKETING, "mia").when().post("/api/leads/" + qualified + "/qualify").then().statusCode(200);
        assertEquals(rep, awaitOwner(qualified));

        as(SALES, rep).body("{\"reason\":\"NOT_READY\"}").when().post("/api/leads/" + qualified + "/reject")
                .then().statusCode(200);
        as(MARKETING, "mia").when().post("/api/leads/" + qualified + "/qualify").then().statusCode(200);
        assertEquals(rep, awaitOwner(qualified));
        as(MARKETING, "mia").when().get("/api/leads/" + qualified + "/timeline").then()
                .body("items.type", contains("created", "qualified", "assigned", "rejected", "qualified", "assigned"))
                .body("items.by", contains("mia", "mia", "router", rep, "mia", "router"));

        String email = uniqueEmail();
        as(MARKETING, "mia").contentType("text/csv")
                .body("email,name,company,title,channel,campaignId\n" + email + ",Ida Port,Acme,CEO,REFERRAL," + campaign + "\n")
                .when().post("/api/leads/import").then().statusCode(200).body("created", equalTo(1));
        String imported = as(MARKETING, "mia").queryParam("q", email).when().get("/api/leads").then()
                .extract().path("items[0].id");
        assertEquals(rep, awaitOwner(imported));
    }

    @Test
    void withNobodyFreeMqlsWaitInOrderAndGoAsSoonAsAnAnswerFreesCapacity() {
        UUID campaign = knownCampaign("One team");
        String tag = tag();
        String ann = "rep-" + tag + "-ann";
        String bo = "rep-" + tag + "-bo";
        rule(campaign, null, seat(ann, 1), seat(bo, 1));
        String first = capture(mqlJson(campaign));
        String second = capture(mqlJson(campaign));
        assertEquals(ann, awaitOwner(first));
        assertEquals(bo, awaitOwner(second));

        String third = capture(mqlJson(campaign));
        String fourth = capture(mqlJson(campaign));
        await().atMost(WITHIN).untilAsserted(() -> as(EXECUTIVE, "erin").queryParam("size", 200)
                .when().get("/api/routing/queue").then().statusCode(200).body("items.leadId", hasItem(fourth)));
        List<String> waiting = as(EXECUTIVE, "erin").queryParam("size", 200).when().get("/api/routing/queue")
                .then().extract().path("items.leadId");
        assertTrue(waiting.indexOf(third) < waiting.indexOf(fourth), "in the order they became MQLs: " + waiting);
        as(SALES, "sam").when().get("/api/leads/" + third).then().body("ownerId", nullValue());
        as(EXECUTIVE, "erin").when().get("/api/routing/reps").then().statusCode(200)
                .body("items.find { it.repId == '" + ann + "' }.openMqls", equalTo(1))
                .body("items.find { it.repId == '" + ann + "' }.seats[0].capacity", equalTo(1));

        // bo answers: the older waiting MQL goes to him at once, the younger one still waits
        as(SALES, bo).when().post("/api/leads/" + second + "/accept").then().statusCode(200);
        assertEquals(bo, awaitOwner(third));
        as(SALES, "sam").when().get("/api/leads/" + fourth).then().body("ownerId", nullValue());
        as(SALES, ann).body("{\"reason\":\"NOT_A_FIT\"}").when().post("/api/leads/" + first + "/reject")
                .then().statusCode(200);
        assertEquals(ann, awaitOwner(fourth));
        as(EXECUTIVE, "erin").queryParam("size", 200).when().get("/api/routing/queue").then()
                .body("items.leadId", not(hasItem(fourth)));
    }

    @Test
    void aRepWhoIsAwayIsPassedOverUntilBack() {
        UUID campaign = knownCampaign("One team");
        String tag = tag();
        String ann = "rep-" + tag + "-ann";
        String bo = "rep-" + tag + "-bo";
        rule(campaign, null, seat(ann, 10), seat(bo, 10));
        as(SALES, ann).body(Map.of("to", Instant.now().plus(Duration.ofDays(3)).toString()))
                .when().put("/api/routing/reps/" + ann + "/away").then().statusCode(200)
                .body("awayNow", equalTo(true)).body("away.to", org.hamcrest.Matchers.notNullValue());
        assertEquals(bo, awaitOwner(capture(mqlJson(campaign))));
        assertEquals(bo, awaitOwner(capture(mqlJson(campaign))));

        as(SALES, ann).when().delete("/api/routing/reps/" + ann + "/away").then().statusCode(200)
                .body("awayNow", equalTo(false)).body("away", nullValue());
        assertEquals(ann, awaitOwner(capture(mqlJson(campaign))), "back, and the longest without a lead");

        // a period that starts later leaves the rep in the rotation until then
        as(SALES, ann).body(Map.of("from", Instant.now().plus(Duration.ofDays(1)).toString(),
                "to", Instant.now().plus(Duration.ofDays(2)).toString()))
                .when().put("/api/routing/reps/" + ann + "/away").then().statusCode(200).body("awayNow", equalTo(false));
        as(SALES, bo).body(Map.of("to", Instant.now().plus(Duration.ofDays(2)).toString()))
                .when().put("/api/routing/reps/" + ann + "/away").then().statusCode(403);
        as(SALES, ann).body(Map.of("to", Instant.now().minusSeconds(60).toString()))
                .when().put("/api/routing/reps/" + ann + "/away").then().statusCode(422)
                .body("violations[0].field", equalTo("to"));
    }

    @Test
    void manualAssignmentOfAWaitingMqlStillWorksAndTakesItOutOfTheQueue() {
        UUID campaign = knownCampaign("One team");
        String rep = "rep-" + tag();
        rule(campaign, null, seat(rep, 1));
        awaitOwner(capture(mqlJson(campaign)));
        String waiting = capture(mqlJson(campaign));
        await().atMost(WITHIN).untilAsserted(() -> as(EXECUTIVE, "erin").queryParam("size", 200)
                .when().get("/api/routing/queue").then().body("items.leadId", hasItem(waiting)));
        as(MARKETING, "mia").body("{\"ownerId\":\"kim\"}").when().post("/api/leads/" + waiting + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("kim"));
        await().atMost(WITHIN).untilAsserted(() -> as(EXECUTIVE, "erin").queryParam("size", 200)
                .when().get("/api/routing/queue").then().body("items.leadId", not(hasItem(waiting))));
        as(SALES, "kim").when().get("/api/leads/" + waiting).then().body("ownerId", equalTo("kim"));
    }

    @Test
    void routersRunningAtOnceNeverGiveALeadTwoOwnersAndKeepTheRotationFair() throws Exception {
        UUID campaign = knownCampaign("One team");
        String tag = tag();
        List<String> reps = List.of("rep-" + tag + "-1", "rep-" + tag + "-2", "rep-" + tag + "-3");
        // the MQLs wait while the rule's only rep is away; then the pool opens and the routers race for them
        String away = "rep-" + tag + "-away";
        String ruleId = rule(campaign, null, seat(away, 100));
        as(SALES, away).body(Map.of("to", Instant.now().plus(Duration.ofDays(1)).toString()))
                .when().put("/api/routing/reps/" + away + "/away").then().statusCode(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(capture(mqlJson(campaign)));
        }
        await().atMost(WITHIN).until(() -> as(EXECUTIVE, "erin").queryParam("size", 200).when()
                .get("/api/routing/queue").then().extract().<List<String>>path("items.leadId").containsAll(ids));
        as(EXECUTIVE, "erin").body(ruleJson("Opened", campaign, null, false, "\"reps\":["
                + reps.stream().map(r -> seat(r, 100)).collect(Collectors.joining(",")) + "],\"version\":0"))
                .when().put("/api/routing/rules/" + ruleId).then().statusCode(200);
        Map<String, String> ownerOf = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.runAsync(() -> router.route(0, new HashSet<>())));
        }
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();
        for (String id : ids) {
            ownerOf.put(id, awaitOwner(id));
        }
        for (String id : ids) {
            assertEquals(1L, LeadsApi.outboxEvents(id, LeadAssigned.TYPE), "one assignment of " + id);
        }
        Map<String, Long> spread = ownerOf.values().stream()
                .collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
        assertEquals(Set.copyOf(reps), spread.keySet());
        assertEquals(Set.of(10L), Set.copyOf(spread.values()), "30 leads over 3 reps: " + spread);
    }

    @Test
    void onlyExecutivesWriteRulesAndABadRuleIsAClearProblem() {
        UUID campaign = knownCampaign("One team");
        String body = ruleJson("r", campaign, null, false, "\"reps\":[{\"repId\":\"sam\",\"capacity\":3}]");
        as(MARKETING, "mia").body(body).when().post("/api/routing/rules").then().statusCode(403);
        as(SALES, "sam").body(body).when().post("/api/routing/rules").then().statusCode(403);

        expectViolation(ruleJson("r", campaign, null, false, "\"reps\":[]"), "reps");
        expectViolation(ruleJson("r", campaign, null, false, "\"reps\":[{\"repId\":\"mia\",\"capacity\":3}]"),
                "reps[0].repId");
        expectViolation(ruleJson("r", campaign, null, false, "\"reps\":[{\"repId\":\"sam\",\"capacity\":0}]"),
                "reps[0].capacity");
        expectViolation(ruleJson("r", UUID.randomUUID(), null, false, "\"reps\":[{\"repId\":\"sam\",\"capacity\":3}]"),
                "campaignId");
        expectViolation(ruleJson("r", null, null, false, "\"reps\":[{\"repId\":\"sam\",\"capacity\":3}]"), "channel");
        expectViolation(ruleJson("r", null, "WEB", true, "\"reps\":[{\"repId\":\"sam\",\"capacity\":3}]"),
                "defaultRule");
        as(EXECUTIVE, "erin").when().get("/api/routing/rules/" + UUID.randomUUID()).then().statusCode(404);
        as(EXECUTIVE, "erin").when().delete("/api/routing/rules/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRuleIsRevisedAtTheVersionReadAndThereIsOneDefaultRule() {
        UUID campaign = knownCampaign("One team");
        String id = rule(campaign, null, seat("sam", 2));
        as(EXECUTIVE, "erin").body(ruleJson("renamed", campaign, "EVENT", false,
                "\"reps\":[{\"repId\":\"sally\",\"capacity\":4},{\"repId\":\"sam\",\"capacity\":1}],\"version\":0"))
                .when().put("/api/routing/rules/" + id).then().statusCode(200).body("name", equalTo("renamed"))
                .body("channel", equalTo("EVENT")).body("reps.repId", contains("sally", "sam")).body("version", equalTo(1));
        as(EXECUTIVE, "erin").body(ruleJson("stale", campaign, null, false,
                "\"reps\":[{\"repId\":\"sam\",\"capacity\":1}],\"version\":0"))
                .when().put("/api/routing/rules/" + id).then().statusCode(409);
        as(SALES, "sam").when().get("/api/routing/rules").then().statusCode(200).body("items.id", hasItem(id));

        await().atMost(WITHIN).until(() -> !router.anyWaiting()); // nobody else's MQL is waiting for the default
        String first = createRule(ruleJson("default", null, null, true, "\"reps\":[{\"repId\":\"sota\",\"capacity\":1}]"));
        as(EXECUTIVE, "erin").body(ruleJson("another default", null, null, true,
                "\"reps\":[{\"repId\":\"sam\",\"capacity\":1}]")).when().post("/api/routing/rules").then().statusCode(409);
        as(EXECUTIVE, "erin").when().delete("/api/routing/rules/" + first).then().statusCode(204);
        rules.remove(first);
        as(EXECUTIVE, "erin").when().get("/api/routing/rules/" + first).then().statusCode(404);
    }

    private void expectViolation(String body, String field) {
        as(EXECUTIVE, "erin").body(body).when().post("/api/routing/rules").then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem(field));
    }

    private String rule(UUID campaign, String channel, String... seats) {
        return createRule(ruleJson("Rule " + tag(), campaign, channel, false, "\"reps\":[" + String.join(",", seats) + "]"));
    }

    private String createRule(String json) {
        String id = as(EXECUTIVE, "erin").body(json).when().post("/api/routing/rules").then().statusCode(201)
                .extract().path("id");
        rules.add(id);
        return id;
    }

    static String ruleJson(String name, UUID campaign, String channel, boolean isDefault, String reps) {
        return "{\"name\":\"" + name + "\"" + (campaign == null ? "" : ",\"campaignId\":\"" + campaign + "\"")
                + (channel == null ? "" : ",\"channel\":\"" + channel + "\"") + ",\"defaultRule\":" + isDefault + ","
                + reps + "}";
    }

    static String seat(String rep, int capacity) {
        return "{\"repId\":\"" + rep + "\",\"capacity\":" + capacity + "}";
    }

    /** An MQL at once (score 75 + 15 for the campaign). */
    static String mqlJson(UUID campaign) {
        return "{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Bo Park\",\"company\":\"Acme\",\"title\":\"Head of Finance\","
                + "\"channel\":\"REFERRAL\",\"campaignId\":\"" + campaign + "\"}";
    }

    /** NEW: WEB 15 + campaign 15 + business e-mail 10 = 40. */
    static String newJson(UUID campaign) {
        return "{\"email\":\"" + uniqueEmail() + "\",\"name\":\"Ann Lee\",\"channel\":\"WEB\",\"campaignId\":\"" + campaign
                + "\"}";
    }

    static String awaitOwner(String leadId) {
        return await().atMost(WITHIN).until(() -> as(SALES, "sam").when().get("/api/leads/" + leadId).then()
                .extract().<String>path("ownerId"), owner -> owner != null);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
