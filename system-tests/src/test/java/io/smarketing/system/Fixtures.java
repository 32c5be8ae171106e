package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smarketing.system.ApiOperations.Operation;

/**
 * For each operation of the four APIs, a request that succeeds: a valid body, and the resource it acts on in a
 * state that allows it, made fresh through the APIs when the request changes it. The one list of operations
 * the tests know; {@link AuthorizationMatrixTest} fails when a service has an operation not listed here.
 */
final class Fixtures {

    static final String MARKETER = "mia";
    static final String EXECUTIVE = "erin";

    /** Lead operations where a sales rep must own the lead (or, to assign, the lead must have no owner). */
    static final Set<String> OWNED_BY_SALES = Set.of("POST /api/leads/{id}/accept", "POST /api/leads/{id}/reject",
            "POST /api/leads/{id}/win", "POST /api/leads/{id}/lose", "POST /api/leads/{id}/touches",
            "POST /api/leads/{id}/assign");

    /** The path with its id filled in, the body and its content type. */
    record Call(String path, String body, String contentType) {

        Call withId(String id) {
            return new Call(path.replaceFirst("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", id), body,
                    contentType);
        }
    }

    private Fixtures() {
    }

    static final Set<String> OPERATIONS = Set.of(
            "GET /api/leads", "POST /api/leads", "GET /api/leads/{id}", "GET /api/leads/{id}/timeline",
            "POST /api/leads/{id}/qualify", "POST /api/leads/{id}/assign", "POST /api/leads/{id}/accept",
            "POST /api/leads/{id}/reject", "POST /api/leads/{id}/win", "POST /api/leads/{id}/lose",
            "POST /api/leads/{id}/touches", "POST /api/leads/import",
            "GET /api/campaigns", "POST /api/campaigns", "GET /api/campaigns/{id}", "PUT /api/campaigns/{id}",
            "POST /api/campaigns/{id}/launch", "POST /api/campaigns/{id}/complete", "POST /api/campaigns/{id}/cancel",
            "POST /api/campaigns/{id}/spend", "GET /api/campaigns/{id}/performance",
            "GET /api/feedback/rounds", "POST /api/feedback/rounds", "GET /api/feedback/rounds/{id}",
            "POST /api/feedback/rounds/{id}/entries", "POST /api/feedback/rounds/{id}/close", "POST /api/feedback/csat",
            "GET /api/feedback/csat/{id}",
            "GET /api/goals", "POST /api/goals", "GET /api/goals/{id}", "PUT /api/goals/{id}",
            "GET /api/goals/{id}/progress", "GET /api/goals/{id}/plan", "GET /api/view", "GET /api/view/series",
            "POST /api/view/stream-tickets", "GET /api/view/stream",
            "GET /api/routing/rules", "POST /api/routing/rules", "GET /api/routing/rules/{id}",
            "PUT /api/routing/rules/{id}", "DELETE /api/routing/rules/{id}", "GET /api/routing/reps",
            "PUT /api/routing/reps/{repId}/away", "DELETE /api/routing/reps/{repId}/away", "GET /api/routing/queue",
            "POST /api/leads/{id}/activities", "POST /api/leads/activities", "GET /api/dashboard");

    /** A request {@code user} (of {@code role}) may make with success; for sales, on a lead they own. */
    static Call valid(Operation operation, String role, String user) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return switch (operation.key()) {
            case "GET /api/leads" -> call("/api/leads?stage=MQL&sort=sla_due&size=5");
            case "POST /api/leads" -> json("/api/leads", newLead(tag));
            case "GET /api/leads/{id}" -> call("/api/leads/" + lead(false));
            case "GET /api/leads/{id}/timeline" -> call("/api/leads/" + lead(false) + "/timeline");
            case "POST /api/leads/{id}/qualify" -> call("/api/leads/" + lead(false) + "/qualify");
            case "POST /api/leads/{id}/assign" -> json("/api/leads/" + lead(true) + "/assign",
                    "{\"ownerId\":\"" + (role.equals("sales") ? user : "sam-owner-" + tag) + "\"}");
            case "POST /api/leads/{id}/accept" -> call("/api/leads/" + assigned(user) + "/accept");
            case "POST /api/leads/{id}/reject" -> json("/api/leads/" + assigned(user) + "/reject",
                    "{\"reason\":\"NOT_A_FIT\",\"note\":\"matrix\"}");
            case "POST /api/leads/{id}/win" -> json("/api/leads/" + accepted(user) + "/win", "{\"amount\":1000}");
            case "POST /api/leads/{id}/lose" -> json("/api/leads/" + accepted(user) + "/lose", "{\"reason\":\"PRICE\"}");
            case "POST /api/leads/{id}/touches" -> json("/api/leads/"
                    + (role.equals("sales") ? assigned(user) : lead(false)) + "/touches",
                    "{\"channel\":\"EMAIL\",\"subject\":\"Hello\"}");
            case "POST /api/leads/import" -> new Call("/api/leads/import",
                    "email,name,channel\nimport-" + tag + "@acme-corp.com,Ann,WEB\n", "text/csv");
            case "GET /api/campaigns" -> call("/api/campaigns?status=active&marketingOwner=mia&sort=newest");
            case "POST /api/campaigns" -> json("/api/campaigns", campaign(tag, null));
            case "GET /api/campaigns/{id}" -> call("/api/campaigns/" + campaign(false));
            case "PUT /api/campaigns/{id}" -> json("/api/campaigns/" + campaign(false), campaign(tag, 0L));
            case "POST /api/campaigns/{id}/launch" -> call("/api/campaigns/" + campaign(false) + "/launch");
            case "POST /api/campaigns/{id}/complete" -> call("/api/campaigns/" + campaign(true) + "/complete");
            case "POST /api/campaigns/{id}/cancel" -> call("/api/campaigns/" + campaign(false) + "/cancel");
            case "POST /api/campaigns/{id}/spend" -> json("/api/campaigns/" + campaign(true) + "/spend",
                    "{\"amount\":100,\"note\":\"matrix\"}");
            case "GET /api/campaigns/{id}/performance" -> call("/api/campaigns/" + campaign(false) + "/performance?model=linear");
            case "GET /api/feedback/rounds" -> call("/api/feedback/rounds?status=open");
            case "POST /api/feedback/rounds" -> json("/api/feedback/rounds", "{\"campaignId\":\"" + UUID.randomUUID() + "\"}");
            case "GET /api/feedback/rounds/{id}" -> call("/api/feedback/rounds/" + round());
            case "POST /api/feedback/rounds/{id}/entries" -> json("/api/feedback/rounds/" + round() + "/entries",
                    "{\"leadQuality\":4,\"comment\":\"Good leads\"}");
            case "POST /api/feedback/rounds/{id}/close" -> call("/api/feedback/rounds/" + round() + "/close");
            case "POST /api/feedback/csat" -> json("/api/feedback/csat",
                    "{\"leadId\":\"" + leadKnownToFeedback() + "\",\"score\":4,\"survey\":\"matrix-" + role + "\"}");
            case "GET /api/feedback/csat/{id}" -> call("/api/feedback/csat/" + csat());
            case "GET /api/goals" -> call("/api/goals?page=0&size=10");
            case "POST /api/goals" -> json("/api/goals", goal(tag, null));
            case "GET /api/goals/{id}" -> call("/api/goals/" + goal());
            case "PUT /api/goals/{id}" -> json("/api/goals/" + goal(), goal(tag, 0L));
            case "GET /api/goals/{id}/progress" -> call("/api/goals/" + goal() + "/progress");
            case "GET /api/goals/{id}/plan" -> call("/api/goals/" + goal() + "/plan");
            case "GET /api/view" -> call("/api/view?from=2026-01-01&to=2026-12-31");
            case "GET /api/view/series" -> call("/api/view/series?from=2026-01-01&to=2026-12-31&bucket=week");
            case "POST /api/view/stream-tickets" -> call("/api/view/stream-tickets");
            case "GET /api/view/stream" -> call("/api/view/stream");
            case "GET /api/routing/rules" -> call("/api/routing/rules?size=5");
            case "POST /api/routing/rules" -> json("/api/routing/rules", routingRule(tag, null));
            case "GET /api/routing/rules/{id}" -> call("/api/routing/rules/" + routingRule());
            case "PUT /api/routing/rules/{id}" -> json("/api/routing/rules/" + routingRule(), routingRule(tag, 0L));
            case "DELETE /api/routing/rules/{id}" -> call("/api/routing/rules/" + routingRule());
            case "GET /api/routing/reps" -> call("/api/routing/reps");
            case "PUT /api/routing/reps/{repId}/away" -> json("/api/routing/reps/" + user + "/away",
                    "{\"to\":\"" + java.time.Instant.now().plus(Duration.ofHours(1)) + "\"}");
            case "DELETE /api/routing/reps/{repId}/away" -> call("/api/routing/reps/" + user + "/away");
            case "GET /api/routing/queue" -> call("/api/routing/queue?size=5");
            case "POST /api/leads/{id}/activities" -> json("/api/leads/" + lead(false) + "/activities",
                    "{\"externalId\":\"matrix-" + tag + "\",\"kind\":\"PAGE_VISITED\"}");
            case "POST /api/leads/activities" -> json("/api/leads/activities", "{\"activities\":[{\"externalId\":\"matrix-"
                    + tag + "\",\"kind\":\"EMAIL_OPENED\",\"leadId\":\"" + lead(false) + "\"}]}");
            case "GET /api/dashboard" -> call("/api/dashboard");
            default -> throw new AssertionError("No fixture for " + operation.key() + ": add one to Fixtures");
        };
    }

    /** For sales on a lead operation: the same request on a lead someone else owns. */
    static Call onALeadOwnedByAnother(Operation operation, String user) {
        Call mine = valid(operation, "sales", user);
        return mine.withId(assigned("sam-other-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    static String newLead(String tag) {
        return "{\"email\":\"new-" + tag + "@example.com\",\"name\":\"Ann Lee\",\"channel\":\"WEB\"}";
    }

    static String campaign(String tag, Long version) {
        LocalDate today = LocalDate.now();
        return "{\"name\":\"Matrix " + tag + "\",\"channel\":\"WEB\",\"budget\":1000,\"startDate\":\"" + today
                + "\",\"endDate\":\"" + today.plusDays(30) + "\",\"keyMessage\":\"One team\",\"marketingOwner\":\"mia\","
                + "\"salesLiaison\":\"sam\"" + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    static String goal(String tag, Long version) {
        LocalDate today = LocalDate.now();
        return "{\"name\":\"Matrix " + tag + "\",\"metric\":\"REVENUE\",\"target\":100000,\"periodStart\":\""
                + today.minusDays(5) + "\",\"periodEnd\":\"" + today.plusDays(25) + "\",\"salesOwners\":[\"sam\"],"
                + "\"marketingOwners\":[\"mia\"]" + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    /** A NEW lead, or with {@code mql} one that scores as an MQL at once. */
    static String lead(boolean mql) {
        String tag = UUID.randomUUID().toString();
        String body = mql
                ? "{\"email\":\"mql-" + tag + "@acme-corp.com\",\"name\":\"Mo Quinn\",\"company\":\"Acme\",\"title\":\"CEO\","
                        + "\"phone\":\"+81 3 1234 5678\",\"channel\":\"REFERRAL\"}"
                : newLead(tag);
        return as("marketing", MARKETER, Platform.LEADS).body(body).when().post("/api/leads")
                .then().statusCode(201).extract().path("id");
    }

    static String assigned(String owner) {
        String id = lead(true);
        as("marketing", MARKETER, Platform.LEADS).body(Map.of("ownerId", owner)).when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200);
        return id;
    }

    static String accepted(String owner) {
        String id = assigned(owner);
        as("sales", owner, Platform.LEADS).when().post("/api/leads/" + id + "/accept").then().statusCode(200);
        return id;
    }

    /** A DRAFT campaign, or with {@code active} a launched one. */
    static String campaign(boolean active) {
        String id = as("marketing", MARKETER, Platform.CAMPAIGNS).body(campaign(UUID.randomUUID().toString(), null))
                .when().post("/api/campaigns").then().statusCode(201).extract().path("id");
        if (active) {
            as("marketing", MARKETER, Platform.CAMPAIGNS).when().post("/api/campaigns/" + id + "/launch")
                    .then().statusCode(200);
        }
        return id;
    }

    /**
     * A routing rule for a campaign of the tests' own, which no other test's leads come from, so the rules the
     * tests leave behind route nobody else's MQLs.
     */
    static String routingRule(String tag, Long version) {
        return "{\"name\":\"Matrix " + tag + "\",\"campaignId\":\"" + routingCampaign() + "\",\"reps\":"
                + "[{\"repId\":\"sam-matrix-rule\",\"capacity\":2}]" + (version == null ? "" : ",\"version\":" + version)
                + "}";
    }

    static String routingRule() {
        return as("executive", EXECUTIVE, Platform.LEADS).body(routingRule(UUID.randomUUID().toString(), null))
                .when().post("/api/routing/rules").then().statusCode(201).extract().path("id");
    }

    private static String routingCampaign;

    /** A campaign leads-service has replicated (a capture naming it is no longer a 422), made once per run. */
    private static synchronized String routingCampaign() {
        if (routingCampaign == null) {
            String campaign = campaign(true);
            Platform.captureLead(MARKETER, Map.of("email", "rules-" + UUID.randomUUID() + "@example.com", "name", "Ru Les",
                    "channel", "WEB", "campaignId", campaign)).then().statusCode(201);
            routingCampaign = campaign;
        }
        return routingCampaign;
    }

    static String round() {
        return as("marketing", MARKETER, Platform.FEEDBACK).body(Map.of("campaignId", UUID.randomUUID().toString()))
                .when().post("/api/feedback/rounds").then().statusCode(201).extract().path("id");
    }

    static String goal() {
        return as("executive", EXECUTIVE, Platform.GOALS).body(goal(UUID.randomUUID().toString(), null))
                .when().post("/api/goals").then().statusCode(201).extract().path("id");
    }

    /**
     * A lead feedback-service has heard of from its events: a CSAT naming another campaign is refused on
     * {@code campaignId} once the lead is known (on {@code leadId} before), and records nothing either way.
     */
    static String leadKnownToFeedback() {
        String id = lead(false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> "campaignId".equals(
                as("sales", "sam", Platform.FEEDBACK)
                        .body(Map.of("leadId", id, "campaignId", UUID.randomUUID().toString(), "score", 3))
                        .when().post("/api/feedback/csat").then().statusCode(422).extract().path("violations[0].field")));
        return id;
    }

    static String csat() {
        return as("sales", "sam", Platform.FEEDBACK).body(Map.of("leadId", leadKnownToFeedback(), "score", 5))
                .when().post("/api/feedback/csat").then().statusCode(201).extract().path("id");
    }

    private static Call call(String path) {
        return new Call(path, null, null);
    }

    private static Call json(String path, String body) {
        return new Call(path, body, "application/json");
    }
}
