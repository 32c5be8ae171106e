package io.smarketing.goals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadWon;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.testing.MoneyCases;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;
import io.smarketing.testing.TopicProbe;

@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SharedViewTest {

    @Inject
    MeterRegistry meters;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void theViewIsBuiltFromTheEventsOfEveryTopic() {
        UUID campaign = UUID.randomUUID();
        ViewEvents.story(campaign, UUID.randomUUID(), UUID.randomUUID()).forEach(TopicProbe::publish);

        JsonPath view = awaitView(campaign, v -> v.getInt("funnel.leads") == 2 && v.getInt("feedback.csatCount") == 1
                && v.getList("campaigns").size() == 1 && v.getFloat("campaigns[0].spend") == 1000f);

        assertEquals(Map.of("leads", 2, "mqls", 2, "sqls", 1, "won", 1, "lost", 0, "rejected", 1),
                view.getMap("funnel"));
        assertEquals(5000f, view.getFloat("revenue"));
        assertEquals("JPY", view.getString("currency"));
        assertEquals(0.5f, view.getFloat("rates.mqlToSqlRate"));
        assertEquals(1.0f, view.getFloat("rates.sqlToWonRate"));
        assertEquals(2, view.getInt("sla.assigned"));
        assertEquals(1, view.getInt("sla.met"));
        assertEquals(1, view.getInt("sla.breached"));
        assertEquals(50.0f, view.getFloat("sla.complianceRate"));
        assertEquals(2, view.getInt("handoff.count"), "both leads' first assignments");
        assertEquals(0, view.getInt("handoff.medianSeconds"));
        assertEquals(1, view.getInt("handoff.p90Seconds"));
        assertEquals("Autumn webinar", view.getString("campaigns[0].name"));
        assertEquals("ACTIVE", view.getString("campaigns[0].status"));
        assertEquals(2, view.getInt("campaigns[0].leads"));
        assertEquals(4.0f, view.getFloat("campaigns[0].roi"));
        assertEquals(4.0f, view.getFloat("feedback.avgLeadQuality"));
        assertEquals(5.0f, view.getFloat("feedback.avgCsat"));
        assertEquals("NO_BUDGET", view.getString("feedback.topRejectionReasons[0].reason"));
        assertEquals(1, view.getInt("conflicts"));
        assertNotNull(view.getString("lastEventAt"));
    }

    @Test
    void theSameEventsTwiceGiveTheSameView() {
        UUID campaign = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> records = ViewEvents.story(campaign, UUID.randomUUID(), UUID.randomUUID())
                .stream().map(CloudEventRecord::toRecord).toList();
        records.forEach(TopicProbe::send);
        JsonPath once = awaitView(campaign, v -> v.getInt("feedback.csatCount") == 1 && v.getInt("funnel.won") == 1
                && v.getInt("funnel.rejected") == 1 && v.getFloat("campaigns[0].spend") == 1000f);

        double duplicatesBefore = duplicates();
        records.forEach(TopicProbe::send);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() >= duplicatesBefore + records.size());
        JsonPath twice = view(campaign);

        assertEquals(once.getMap("funnel"), twice.getMap("funnel"));
        assertEquals(once.getMap("sla"), twice.getMap("sla"));
        assertEquals(once.getMap("feedback"), twice.getMap("feedback"));
        assertEquals(once.getFloat("revenue"), twice.getFloat("revenue"));
        assertEquals(once.getFloat("campaigns[0].spend"), twice.getFloat("campaigns[0].spend"));
    }

    @Test
    void eventsOfOtherTopicsMayArriveFirst() {
        UUID campaign = UUID.randomUUID();
        List<SmarketingEvent> story = ViewEvents.story(campaign, UUID.randomUUID(), UUID.randomUUID());
        // Leads and feedback first, the campaign's own events last.
        story.subList(3, story.size()).forEach(TopicProbe::publish);
        story.subList(0, 3).forEach(TopicProbe::publish);

        JsonPath view = awaitView(campaign, v -> "ACTIVE".equals(v.getString("campaigns[0].status"))
                && v.getFloat("campaigns[0].spend") == 1000f && v.getInt("funnel.leads") == 2);
        assertEquals("Autumn webinar", view.getString("campaigns[0].name"));
        assertEquals(4.0f, view.getFloat("campaigns[0].roi"));
    }

    /** The same rule as campaign performance (CampaignPerformanceTest uses the same case): one amount everywhere. */
    @Test
    void aDealWonForMoreDecimalsThanTheCurrencyHasCountsAtTheCurrencysScale() {
        UUID campaign = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        Instant t = Instant.now().minusSeconds(60);
        TopicProbe.publish(ViewEvents.story(campaign, lead, UUID.randomUUID()).get(0)); // the campaign planned
        TopicProbe.publish(new LeadCreated(lead, campaign, LeadStage.SQL, lead + "@example.com", "Ann", null,
                Channel.WEB, 80, "mia", t));
        TopicProbe.publish(new LeadWon(lead, campaign, LeadStage.WON, MoneyCases.WON_WITH_SEN, "JPY", "sam",
                t.plusSeconds(1)));

        JsonPath view = awaitView(campaign, v -> v.getInt("funnel.won") == 1 && v.getList("campaigns").size() == 1);
        assertEquals(0, MoneyCases.WON_WITH_SEN_COUNTED.compareTo(new BigDecimal(view.getString("revenue"))),
                view.prettify());
        assertEquals(0, MoneyCases.WON_WITH_SEN_COUNTED.compareTo(new BigDecimal(view.getString("campaigns[0].revenue"))),
                view.prettify());
    }

    /** A target of 0 could be stored before targets were checked after rounding: it must not break the view. */
    @Test
    void aGoalWithAZeroTargetStoredEarlierDoesNotBreakTheView() {
        UUID campaign = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into goal (id, name, metric, target, period_start, period_end, sales_owners, marketing_owners,
                                  campaign_id, created_by, created_at, updated_at)
                values (:id, 'Legacy zero', 'LEADS', 0.00, current_date - 1, current_date + 1, '{sam}', '{mia}',
                        :campaign, 'erin', now(), now())""")
                .setParameter("id", goal).setParameter("campaign", campaign).executeUpdate());
        try {
            JsonPath view = view(campaign);
            assertEquals(goal.toString(), view.getString("goals[0].id"));
            assertNull(view.get("goals[0].progress.percent"));
            assertEquals("ACHIEVED", view.getString("goals[0].progress.status"));
            given().header("Authorization", Tokens.bearer("sales", "sam")).when().get("/api/view")
                    .then().statusCode(200);
            given().header("Authorization", Tokens.bearer("sales", "sam")).when().get("/api/goals/" + goal + "/progress")
                    .then().statusCode(200);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from goal where id = :id")
                    .setParameter("id", goal).executeUpdate());
        }
    }

    @Test
    void anInvalidFilterIsA422() {
        given().header("Authorization", Tokens.bearer("sales", "sam")).queryParam("from", "yesterday")
                .when().get("/api/view").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("sales", "sam"))
                .queryParam("from", "2026-11-02").queryParam("to", "2026-11-01")
                .when().get("/api/view").then().statusCode(422);
        given().header("Authorization", Tokens.bearer("sales", "sam")).queryParam("to", "+999999999-12-31")
                .when().get("/api/view").then().statusCode(422).body("violations[0].field", equalTo("to"));
        given().header("Authorization", Tokens.bearer("sales", "sam")).queryParam("campaignId", "not-a-uuid")
                .when().get("/api/view").then().statusCode(422).body("violations[0].field", equalTo("campaignId"));
    }

    @Test
    void readsWithoutAChangeInBetweenShareOneComputation() {
        UUID campaign = UUID.randomUUID();
        double before = meters.counter("smarketing.view.computations").count();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, view(campaign).getInt("funnel.leads"));
        }
        double computed = meters.counter("smarketing.view.computations").count() - before;
        assertTrue(computed >= 1 && computed < 5, "five reads of one filter, no change: computed " + computed + " times");
    }

    @Test
    void theViewNeedsAToken() {
        given().when().get("/api/view").then().statusCode(401);
    }

    /** Deliveries the inbox recognised as already processed, over all of this service's consumers. */
    private double duplicates() {
        return meters.find("smarketing.inbox.events").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    static JsonPath view(UUID campaign) {
        return given().header("Authorization", Tokens.bearer("executive", "erin"))
                .queryParam("campaignId", campaign.toString())
                .when().get("/api/view")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitView(UUID campaign, java.util.function.Predicate<JsonPath> ready) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> view(campaign), ready);
    }
}
