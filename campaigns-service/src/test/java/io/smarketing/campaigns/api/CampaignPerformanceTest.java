package io.smarketing.campaigns.api;

import static io.smarketing.campaigns.api.Campaigns.asMarketing;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.campaigns.domain.Campaign;
import io.smarketing.campaigns.domain.CampaignPlan;
import io.smarketing.campaigns.persistence.CampaignRepository;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadStage;
import io.smarketing.events.Money;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.testing.MoneyCases;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

/** Performance built from real lead CloudEvents on smarketing.leads.v1, consumed by the running service. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class CampaignPerformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Instant DAY_ONE = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(30));

    @Inject
    CampaignRepository campaigns;

    @Inject
    EntityManager entityManager;

    @Inject
    Money money;

    private static Instant day(int n) {
        return DAY_ONE.plus(Duration.ofDays(n));
    }

    private static PerformanceResponse performance(UUID campaignId, String model) {
        String body = asMarketing().when().get("/api/campaigns/" + campaignId + "/performance?model=" + model)
                .then().statusCode(200).extract().asString();
        try {
            return JSON.readValue(body, PerformanceResponse.class);
        } catch (Exception e) {
            throw new AssertionError("Not a performance: " + body, e);
        }
    }

    private static PerformanceResponse awaitPerformance(UUID campaignId, String model,
            Predicate<PerformanceResponse> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> performance(campaignId, model), until);
    }

    private static void publish(SmarketingEvent... events) {
        for (SmarketingEvent event : events) {
            TopicProbe.publish(event);
        }
    }

    /** Waits until the consumer has stored a touch: every event of its lead published before it is applied too. */
    private void awaitTouchStored(UUID touchId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from lead_touch where touch_id = :t")
                        .setParameter("t", touchId).getSingleResult()).longValue() == 1));
    }

    @Test
    void theFunnelMoneyAndRatesOfACampaignComeFromItsLeads() {
        UUID campaign = Campaigns.launched("Funnel " + UUID.randomUUID());
        Campaigns.spend(campaign, 100000);
        LeadJourney winner = LeadJourney.from(campaign);
        LeadJourney rejected = LeadJourney.from(campaign);
        LeadJourney loser = LeadJourney.from(campaign);
        publish(winner.created(LeadStage.NEW, day(1)), winner.qualified(day(2)), winner.assigned(day(2)),
                winner.accepted(day(3)), winner.won("400000", day(9)));
        publish(rejected.created(LeadStage.MQL, day(1)), rejected.assigned(day(1)), rejected.rejected(day(2)));
        publish(loser.created(LeadStage.NEW, day(1)), loser.qualified(day(2)), loser.accepted(day(4)),
                loser.lost(day(8)));

        PerformanceResponse p = awaitPerformance(campaign, "first", r -> r.lost() == 1 && r.won() == 1
                && r.rejected() == 1);
        assertEquals(3, p.leads());
        assertEquals(3, p.mqls());
        assertEquals(2, p.sqls());
        assertEquals(new BigDecimal("400000"), p.revenue());
        assertEquals(new BigDecimal("100000"), p.spend());
        assertEquals(new BigDecimal("33333"), p.costPerLead());
        assertEquals(new BigDecimal("3.0000"), p.roi());
        assertEquals(new BigDecimal("0.6667"), p.mqlToSqlRate());
        assertEquals(new BigDecimal("0.5000"), p.sqlToWonRate());
        assertEquals("JPY", p.currency());
    }

    /** The same rule as the shared view (SharedViewTest uses the same case): one amount everywhere. */
    @Test
    void aDealWonForMoreDecimalsThanTheCurrencyHasCountsAtTheCurrencysScale() {
        UUID campaign = Campaigns.launched("Sen " + UUID.randomUUID());
        LeadJourney lead = LeadJourney.from(campaign);
        publish(lead.created(LeadStage.SQL, day(1)), lead.won(MoneyCases.WON_WITH_SEN.toPlainString(), day(2)));

        PerformanceResponse p = awaitPerformance(campaign, "first", r -> r.won() == 1);
        assertEquals(MoneyCases.WON_WITH_SEN_COUNTED, p.revenue());
    }

    @Test
    void aCampaignWithoutLeadsOrSpendHasNullRatios() {
        PerformanceResponse p = performance(Campaigns.create("Quiet " + UUID.randomUUID()), "");
        assertEquals(0, p.leads());
        assertEquals(0, p.revenue().signum());
        assertNull(p.roi());
        assertNull(p.costPerLead());
        assertNull(p.mqlToSqlRate());
        assertNull(p.sqlToWonRate());
    }

    @Test
    void theSameEventDeliveredTwiceIsCountedOnce() {
        UUID campaign = Campaigns.launched("Redelivered " + UUID.randomUUID());
        LeadJourney lead = LeadJourney.from(campaign);
        ProducerRecord<String, byte[]> created = CloudEventRecord.toRecord(lead.created(LeadStage.MQL, day(1)));
        ProducerRecord<String, byte[]> won = CloudEventRecord.toRecord(lead.won("250000", day(5)));
        TopicProbe.send(created);
        TopicProbe.send(created);
        publish(lead.accepted(day(2)));
        TopicProbe.send(won);
        TopicProbe.send(won);
        // Same lead, same partition: once this later touch is stored, both copies have been consumed.
        var marker = lead.touchedFor(campaign, LeadStage.WON, day(6));
        publish(marker);
        awaitTouchStored(marker.touchId());

        PerformanceResponse p = performance(campaign, "first");
        assertEquals(1, p.leads());
        assertEquals(1, p.won());
        assertEquals(new BigDecimal("250000"), p.revenue());
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where event_id in (:created, :won)")
                .setParameter("created", TopicProbe.header(created, CloudEventRecord.ID))
                .setParameter("won", TopicProbe.header(won, CloudEventRecord.ID))
                .getSingleResult()).intValue()), "each ce_id is processed once");
    }

    @Test
    void leadEventsThatArriveBeforeTheCampaignIsKnownAreCountedOnceItIs() {
        UUID campaign = UUID.randomUUID();
        LeadJourney lead = LeadJourney.from(campaign);
        var touch = lead.touchedFor(campaign, LeadStage.SQL, day(3));
        // Out of order as well: the win first, the creation last.
        publish(lead.won("80000", day(6)), touch, lead.accepted(day(2)), lead.created(LeadStage.NEW, day(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery(
                        "select count(*) from lead_fact where source_campaign_id = :c and won_amount is not null")
                        .setParameter("c", campaign).getSingleResult()).longValue() == 1));
        awaitTouchStored(touch.touchId());
        asMarketing().when().get("/api/campaigns/" + campaign + "/performance").then().statusCode(404);

        // The campaign becomes known here only now (restored from a backup, say): its id is the one the leads named.
        CampaignPlan plan = new CampaignPlan("Late " + campaign, Channel.ADS, new BigDecimal("40000"), LocalDate.now(),
                LocalDate.now().plusDays(30), "Close the books in a day", null, null, "mia", "sam");
        QuarkusTransaction.requiringNew().run(() -> campaigns.persist(
                Campaign.plan(campaign, plan, money, "mia", Instant.now()).campaign()));

        PerformanceResponse p = performance(campaign, "last");
        assertEquals(1, p.leads());
        assertEquals(1, p.sqls());
        assertEquals(1, p.won());
        assertEquals(new BigDecimal("80000"), p.revenue());
        assertEquals(new BigDecimal("1.0000"), p.sqlToWonRate());
    }

    @Test
    void attributionModelsCreditTheCampaignsThatTouchedTheLeadBeforeTheWin() {
        UUID source = Campaigns.launched("Source " + UUID.randomUUID());
        UUID webinar = Campaigns.launched("Webinar " + UUID.randomUUID());
        UUID retargeting = Campaigns.launched("Retargeting " + UUID.randomUUID());
        LeadJourney lead = LeadJourney.from(source);
        var afterTheWin = lead.touchedFor(webinar, LeadStage.WON, day(12));
        publish(lead.created(LeadStage.MQL, day(1)), lead.touchedFor(webinar, LeadStage.MQL, day(2)),
                lead.accepted(day(3)), lead.touchedFor(retargeting, LeadStage.SQL, day(5)),
                lead.touchedFor(webinar, LeadStage.SQL, day(4)), lead.won("100000", day(10)), afterTheWin);
        awaitTouchStored(afterTheWin.touchId());

        assertEquals(new BigDecimal("100000"), performance(source, "first").revenue());
        assertEquals(0, performance(webinar, "first").revenue().signum());
        assertEquals(new BigDecimal("100000"), performance(retargeting, "last").revenue(),
                "retargeting touched last before the win; the webinar's later touch came after it");
        assertEquals(0, performance(source, "last").revenue().signum());
        assertEquals(List.of(new BigDecimal("33334"), new BigDecimal("33333"), new BigDecimal("33333")),
                List.of(performance(source, "linear").revenue(), performance(webinar, "linear").revenue(),
                        performance(retargeting, "linear").revenue()));
        assertEquals(1, performance(source, "linear").won(), "counts follow the source campaign in every model");
        assertEquals(0, performance(webinar, "linear").leads());
    }

    @Test
    void theLeaderboardRanksTheCampaignsOfAStatus() {
        UUID small = Campaigns.launched("Small " + UUID.randomUUID());
        UUID big = Campaigns.launched("Big " + UUID.randomUUID());
        Campaigns.spend(small, 1000);
        Campaigns.spend(big, 1000);
        LeadJourney smallWin = LeadJourney.from(small);
        publish(smallWin.created(LeadStage.MQL, day(1)), smallWin.accepted(day(2)), smallWin.won("9000", day(3)));
        for (int i = 0; i < 3; i++) {
            publish(LeadJourney.from(big).created(LeadStage.NEW, day(1)));
        }
        awaitPerformance(big, "first", p -> p.leads() == 3);
        awaitPerformance(small, "first", p -> p.revenue().signum() > 0);

        List<String> byLeads = ids("?status=active&sort=leads&size=200");
        assertTrue(byLeads.indexOf(big.toString()) < byLeads.indexOf(small.toString()), "more leads rank higher");
        List<String> byRoi = ids("?status=ACTIVE&sort=roi&size=200");
        assertTrue(byRoi.indexOf(small.toString()) < byRoi.indexOf(big.toString()), "better ROI ranks higher");
        List<String> byRevenue = ids("?sort=revenue&model=linear&size=200");
        assertTrue(byRevenue.indexOf(small.toString()) < byRevenue.indexOf(big.toString()));

        asMarketing().when().post("/api/campaigns/" + big + "/complete").then().statusCode(200);
        assertFalse(ids("?status=active&size=200").contains(big.toString()), "a completed campaign is not active");
        assertTrue(ids("?status=completed&size=200").contains(big.toString()));
        asMarketing().when().get("/api/campaigns?status=completed&sort=leads&size=1&page=0")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1));
        assertEquals(3, asMarketing().when().get("/api/campaigns?status=completed&size=200").then().extract()
                .jsonPath().getList("items.findAll { it.id == '" + big + "' }.leads", Integer.class).get(0));
    }

    @Test
    void theLeaderboardNarrowsToOneMarketersCampaigns() {
        String owner = "mia-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> plan = Campaigns.plan("Own " + owner);
        plan.put("marketingOwner", owner);
        String own = asMarketing().body(plan).when().post("/api/campaigns").then().statusCode(201).extract().path("id");
        Campaigns.create("Someone else's " + owner);

        assertEquals(List.of(own), ids("?marketingOwner=" + owner));
        assertEquals(List.of(own), ids("?marketingOwner= " + owner + " &status=draft"));
        assertEquals(List.of(), ids("?marketingOwner=" + owner + "&status=active"));
    }

    private static List<String> ids(String query) {
        return asMarketing().when().get("/api/campaigns" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }
}
