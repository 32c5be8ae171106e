package io.smarketing.leads;

import static io.smarketing.leads.LeadsApi.EXECUTIVE;
import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.acceptedLead;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.assignedLead;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.capture;
import static io.smarketing.leads.LeadsApi.mqlLead;
import static io.smarketing.leads.LeadsApi.newLead;
import static io.smarketing.leads.LeadsApi.outboxEvents;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadWon;
import io.smarketing.testing.RealInfrastructure;

/** Qualify, assign, accept, reject, win, lose over HTTP: events, timeline, 409s, ownership and races. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LeadLifecycleResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLeadsWholeJourneyPublishesOneEventPerStepAndShowsInItsTimeline() {
        String id = newLead();

        as(MARKETING, "mia").when().post("/api/leads/" + id + "/qualify")
                .then().statusCode(200).body("stage", equalTo("MQL"));
        Instant beforeAssign = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String slaDueAt = as(MARKETING, "mia").body("{\"ownerId\":\"sam\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200).body("stage", equalTo("MQL")).body("ownerId", equalTo("sam"))
                .extract().path("slaDueAt");
        Instant afterAssign = Instant.now();
        Instant assignedAt = Instant.parse(slaDueAt).minus(Duration.ofHours(24));
        assertTrue(!assignedAt.isBefore(beforeAssign) && !assignedAt.isAfter(afterAssign),
                "slaDueAt is the assignment time plus the default 24h: " + slaDueAt);
        // what the database kept (to the microsecond) is exactly what the assignment answered
        as(SALES, "sam").when().get("/api/leads/" + id).then().statusCode(200).body("slaDueAt", equalTo(slaDueAt));
        as(SALES, "sam").when().post("/api/leads/" + id + "/accept")
                .then().statusCode(200).body("stage", equalTo("SQL")).body("withinSla", equalTo(true))
                .body("respondedAt", notNullValue());
        as(SALES, "sam").body("{\"amount\":1250000}").when().post("/api/leads/" + id + "/win")
                .then().statusCode(200).body("stage", equalTo("WON")).body("amount", equalTo(1250000))
                .body("currency", equalTo("JPY"));

        JsonNode qualified = awaitEvent(id, LeadQualified.TYPE);
        assertEquals("mia", qualified.get("by").asText());
        assertEquals(40, qualified.get("score").asInt());
        JsonNode assigned = awaitEvent(id, LeadAssigned.TYPE);
        assertEquals("sam", assigned.get("ownerId").asText());
        assertEquals("mia", assigned.get("by").asText());
        assertEquals(Instant.parse(slaDueAt), Instant.parse(assigned.get("slaDueAt").asText()));
        JsonNode accepted = awaitEvent(id, LeadAccepted.TYPE);
        assertTrue(accepted.get("withinSla").asBoolean());
        assertEquals("SQL", accepted.get("stage").asText());
        JsonNode won = awaitEvent(id, LeadWon.TYPE);
        assertEquals(0, new java.math.BigDecimal("1250000").compareTo(won.get("amount").decimalValue()));
        assertEquals("JPY", won.get("currency").asText());

        as(EXECUTIVE, "erin").when().get("/api/leads/" + id + "/timeline")
                .then().statusCode(200).body("leadId", equalTo(id))
                .body("items.type", contains("created", "qualified", "assigned", "accepted", "won"))
                .body("items.by", contains("mia", "mia", "mia", "sam", "sam"))
                .body("items.stage", contains("NEW", "MQL", "MQL", "SQL", "WON"))
                .body("items[2].data.ownerId", equalTo("sam"))
                .body("items[4].at", notNullValue());
    }

    @Test
    void aRejectedLeadGoesBackToMarketingAndCanBeReQualifiedAndAssignedAgain() {
        String id = assignedLead("sam");

        as(SALES, "sam").body("{\"reason\":\"NOT_READY\",\"note\":\"budget next quarter\"}")
                .when().post("/api/leads/" + id + "/reject")
                .then().statusCode(200).body("stage", equalTo("REJECTED")).body("rejectionReason", equalTo("NOT_READY"))
                .body("withinSla", equalTo(true));
        JsonNode rejected = awaitEvent(id, LeadRejected.TYPE);
        assertEquals("NOT_READY", rejected.get("reason").asText());
        assertEquals("budget next quarter", rejected.get("note").asText());
        assertTrue(rejected.get("withinSla").asBoolean());

        as(MARKETING, "mia").when().post("/api/leads/" + id + "/qualify")
                .then().statusCode(200).body("stage", equalTo("MQL")).body("ownerId", nullValue())
                .body("slaDueAt", nullValue());
        as(MARKETING, "mia").body("{\"ownerId\":\"kim\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("kim"));
        as(MARKETING, "mia").when().get("/api/leads/" + id + "/timeline")
                .then().body("items.type", contains("created", "assigned", "rejected", "qualified", "assigned"));
    }

    @Test
    void theOwnerLosesAnSqlWithAReason() {
        String id = acceptedLead("sam");

        as(SALES, "sam").body("{\"reason\":\"COMPETITOR\"}").when().post("/api/leads/" + id + "/lose")
                .then().statusCode(200).body("stage", equalTo("LOST")).body("lossReason", equalTo("COMPETITOR"))
                .body("closedAt", notNullValue());
        JsonNode lost = awaitEvent(id, LeadLost.TYPE);
        assertEquals("COMPETITOR", lost.get("reason").asText());
        assertTrue(lost.get("note").isNull());
    }

    @Test
    void aTransitionTheStageForbidsIsA409AndChangesNothing() {
        String fresh = newLead();
        String accepted = acceptedLead("sam");
        Map<String, String> before = Map.of(fresh, body(fresh), accepted, body(accepted));

        conflict(as(SALES, "sam"), fresh, "accept", null);
        conflict(as(MARKETING, "mia"), fresh, "assign", "{\"ownerId\":\"sam\"}");
        conflict(as(SALES, "sam"), accepted, "reject", "{\"reason\":\"OTHER\"}");
        conflict(as(MARKETING, "mia"), accepted, "qualify", null);
        conflict(as(SALES, "sam"), accepted, "accept", null);
        conflict(as(MARKETING, "mia"), mqlLead(), "qualify", null);

        before.forEach((id, json) -> assertEquals(json, body(id), "lead " + id + " changed"));
        assertEquals(0, outboxEvents(fresh, LeadAccepted.TYPE));
        assertEquals(0, outboxEvents(accepted, LeadRejected.TYPE));
    }

    @Test
    void acceptingAnMqlNobodyIsAssignedToIsA409() {
        String id = mqlLead();

        conflict(as(SALES, "sam"), id, "accept", null);
    }

    @Test
    void closedLeadsAcceptNoFurtherTransitionAndTheirEmailStartsANewLead() {
        String email = LeadsApi.uniqueEmail();
        String id = capture(LeadsApi.mqlLeadJson(email));
        as(MARKETING, "mia").body("{\"ownerId\":\"sam\"}").when().post("/api/leads/" + id + "/assign").then().statusCode(200);
        as(SALES, "sam").when().post("/api/leads/" + id + "/accept").then().statusCode(200);
        as(SALES, "sam").body("{\"amount\":1000}").when().post("/api/leads/" + id + "/win").then().statusCode(200);

        conflict(as(SALES, "sam"), id, "lose", "{\"reason\":\"PRICE\"}");
        conflict(as(SALES, "sam"), id, "win", "{\"amount\":5}");

        String next = as(MARKETING, "mia").body(LeadsApi.mqlLeadJson(email)).when().post("/api/leads")
                .then().statusCode(201).extract().path("id");
        assertTrue(!next.equals(id));
    }

    @Test
    void onlyTheSalesRepWhoOwnsTheLeadMayDecideOnIt() {
        String assigned = assignedLead("sam");
        String accepted = acceptedLead("sam");

        forbidden(as(SALES, "kim"), assigned, "accept", null);
        forbidden(as(SALES, "kim"), assigned, "reject", "{\"reason\":\"NOT_A_FIT\"}");
        forbidden(as(SALES, "kim"), accepted, "win", "{\"amount\":10}");
        forbidden(as(SALES, "kim"), accepted, "lose", "{\"reason\":\"PRICE\"}");
        forbidden(as(MARKETING, "mia"), assigned, "accept", null);
        forbidden(as(EXECUTIVE, "erin"), accepted, "win", "{\"amount\":10}");

        as(SALES, "kim").when().get("/api/leads/" + assigned).then().body("stage", equalTo("MQL"));
        as(SALES, "kim").when().get("/api/leads/" + accepted).then().body("stage", equalTo("SQL"));
    }

    @Test
    void marketingAndSalesMayAssignButExecutivesMayNotAndOnlyMarketingQualifies() {
        String id = mqlLead();

        forbidden(as(EXECUTIVE, "erin"), id, "assign", "{\"ownerId\":\"sam\"}");
        as(SALES, "sam").body("{\"ownerId\":\"sam\"}").when().post("/api/leads/" + id + "/assign").then().statusCode(200);
        as(MARKETING, "mia").body("{\"ownerId\":\"kim\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("kim"));
        forbidden(as(SALES, "sam"), newLead(), "qualify", null);
    }

    @Test
    void reassigningToTheCurrentOwnerIsA409() {
        String id = assignedLead("sam");

        conflict(as(MARKETING, "mia"), id, "assign", "{\"ownerId\":\"sam\"}");
    }

    @Test
    void aSalesRepCannotTakeOverAColleaguesLeadNorHandOutOne() {
        String owned = assignedLead("sam");
        forbidden(as(SALES, "kim"), owned, "assign", "{\"ownerId\":\"kim\"}");
        forbidden(as(SALES, "sam"), owned, "assign", "{\"ownerId\":\"kim\"}");
        as(SALES, "kim").when().post("/api/leads/" + owned + "/accept").then().statusCode(403);
        as(MARKETING, "mia").when().get("/api/leads/" + owned).then().body("ownerId", equalTo("sam"));

        String unowned = mqlLead();
        forbidden(as(SALES, "kim"), unowned, "assign", "{\"ownerId\":\"sam\"}");
        as(SALES, "kim").body("{\"ownerId\":\"kim\"}").when().post("/api/leads/" + unowned + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("kim"));
    }

    @Test
    void theOwnerMustBeASalesUser() {
        String id = mqlLead();
        as(MARKETING, "mia").body("{\"ownerId\":\"mallory\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ownerId"));
        as(MARKETING, "mia").when().get("/api/leads/" + id).then().body("ownerId", nullValue());
    }

    @Test
    void requestBodiesThatBreakARuleAre422WithTheField() {
        String assigned = assignedLead("sam");
        String accepted = acceptedLead("sam");

        invalid(as(SALES, "sam"), assigned, "reject", "{}", "reason");
        invalid(as(SALES, "sam"), assigned, "reject", "{\"reason\":\"BORED\"}", "reason");
        invalid(as(SALES, "sam"), accepted, "win", "{\"amount\":-5}", "amount");
        invalid(as(SALES, "sam"), accepted, "win", "{\"amount\":\"lots\"}", "amount");
        invalid(as(SALES, "sam"), accepted, "win", "{\"amount\":1.234}", "amount");
        // one scale rule on the platform (events Money): yen have no decimals
        as(SALES, "sam").body("{\"amount\":1000.50}").when().post("/api/leads/" + accepted + "/win")
                .then().statusCode(422).body("violations[0].field", equalTo("amount"))
                .body("violations[0].message", equalTo("must be a whole number of JPY"));
        // the platform's one money limit (below 10^15), not the column's 10^17
        invalid(as(SALES, "sam"), accepted, "win", "{\"amount\":1000000000000000}", "amount");
        invalid(as(SALES, "sam"), accepted, "win", "{\"amount\":1E+300000000}", "amount");
        invalid(as(SALES, "sam"), accepted, "lose", "{\"reason\":\"PRICE\",\"note\":\"" + "x".repeat(2001) + "\"}", "note");
        invalid(as(MARKETING, "mia"), mqlLead(), "assign", "{\"ownerId\":\" \"}", "ownerId");
        as(SALES, "sam").body("{\"amount\":").when().post("/api/leads/" + accepted + "/win")
                .then().statusCode(400).contentType("application/problem+json");
        as(SALES, "sam").when().get("/api/leads/" + accepted).then().body("stage", equalTo("SQL"));
    }

    @Test
    void aTransitionOnAnUnknownLeadIsA404() {
        as(MARKETING, "mia").when().post("/api/leads/" + UUID.randomUUID() + "/qualify")
                .then().statusCode(404).contentType("application/problem+json");
        as(MARKETING, "mia").when().get("/api/leads/" + UUID.randomUUID() + "/timeline").then().statusCode(404);
    }

    /**
     * Accept and reject of one lead at the same moment: exactly one wins, the other is a 409, and only the
     * winner's event exists. A row lock held by the test makes both requests load the lead and queue their
     * versioned updates before either commits, so the loser is refused by the optimistic lock itself.
     */
    @Test
    void twoTransitionsAtOnceLetExactlyOneWin() throws Exception {
        String id = assignedLead("sam");
        List<CompletableFuture<Response>> requests = new ArrayList<>();
        try (Connection holder = dataSource.getConnection();
                // pg_stat_activity is a snapshot per transaction: the holder's own would never see them arrive
                Connection observer = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from lead where id = ? for update")) {
                lock.setObject(1, UUID.fromString(id));
                lock.executeQuery();
            }
            requests.add(CompletableFuture.supplyAsync(
                    () -> as(SALES, "sam").when().post("/api/leads/" + id + "/accept")));
            requests.add(CompletableFuture.supplyAsync(
                    () -> as(SALES, "sam").body("{\"reason\":\"NO_BUDGET\"}").when().post("/api/leads/" + id + "/reject")));
            await().atMost(Duration.ofSeconds(20)).until(() -> updatesWaitingForALock(observer) == 2);
            holder.commit();
        }

        Response accept = requests.get(0).get();
        Response reject = requests.get(1).get();
        List<Integer> statuses = new ArrayList<>(List.of(accept.statusCode(), reject.statusCode()));
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        Response loser = accept.statusCode() == 409 ? accept : reject;
        loser.then().contentType("application/problem+json").body("status", equalTo(409));
        String stage = accept.statusCode() == 200 ? "SQL" : "REJECTED";
        as(SALES, "sam").when().get("/api/leads/" + id).then().body("stage", equalTo(stage));
        assertEquals(1, outboxEvents(id, LeadAccepted.TYPE) + outboxEvents(id, LeadRejected.TYPE));
        as(SALES, "sam").when().get("/api/leads/" + id + "/timeline")
                .then().body("items.type", contains("created", "assigned", stage.equals("SQL") ? "accepted" : "rejected"));
    }

    /**
     * Sessions of this database waiting for a lock: the two updates (one on the holder's row lock, the other
     * behind it). Read on a connection outside any transaction, since pg_stat_activity is a snapshot per
     * transaction; and not by query text, which a fresh connection's first batched statement does not show.
     */
    private static long updatesWaitingForALock(Connection connection) throws java.sql.SQLException {
        try (PreparedStatement waiting = connection.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = current_database() and backend_type = 'client backend' and wait_event_type = 'Lock'""");
                var result = waiting.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String body(String id) {
        return as(SALES, "sam").when().get("/api/leads/" + id).then().statusCode(200).extract().asString();
    }

    private static Response post(io.restassured.specification.RequestSpecification request, String id, String action,
            String body) {
        return (body == null ? request : request.body(body)).when().post("/api/leads/" + id + "/" + action);
    }

    private static void conflict(io.restassured.specification.RequestSpecification request, String id, String action,
            String body) {
        post(request, id, action, body).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", not(equalTo(null)));
    }

    private static void forbidden(io.restassured.specification.RequestSpecification request, String id, String action,
            String body) {
        post(request, id, action, body).then().statusCode(403).contentType("application/problem+json");
    }

    private static void invalid(io.restassured.specification.RequestSpecification request, String id, String action,
            String body, String field) {
        post(request, id, action, body).then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }
}
