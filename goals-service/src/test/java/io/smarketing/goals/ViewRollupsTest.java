package io.smarketing.goals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.UserTransaction;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.Channel;
import io.smarketing.events.FeedbackCsatRecorded;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadSlaBreached;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.events.Team;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.domain.ViewNumbers;
import io.smarketing.goals.persistence.ViewQueries;
import io.smarketing.goals.persistence.ViewRollups;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

/**
 * A randomised stream of every kind of event the view is built from, over several campaigns and days, with
 * duplicates and out-of-order arrivals, through the real topics: the rollups must equal an aggregate of the
 * facts, and the view of any window (partial edge days too) the numbers computed from the facts alone, the
 * way the view was read before there were rollups.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class ViewRollupsTest {

    private static final String NO_CAMPAIGN = "00000000-0000-0000-0000-000000000000";
    private static final String ALL_CAMPAIGNS = "ffffffff-ffff-ffff-ffff-ffffffffffff";

    @Inject
    EntityManager entityManager;

    @Inject
    ViewQueries queries;

    @Inject
    ViewRollups rollups;

    @Inject
    UserTransaction transaction;

    @Test
    void rollupsEqualTheFactsAndWindowsReadTheSameAsFromFactsAlone() throws Exception {
        long seed = Long.getLong("smarketing.rollups.seed", System.nanoTime());
        System.out.println("ViewRollupsTest seed " + seed + " (-Dsmarketing.rollups.seed=" + seed + " repeats it)");
        Random random = new Random(seed);
        // events over four days and the stages that follow them, all in the past (a future time is refused)
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(9, ChronoUnit.DAYS);
        List<UUID> campaigns = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        List<SmarketingEvent> events = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            events.addAll(leadStory(random, pick(random, campaigns), start));
        }
        for (int i = 0; i < 12; i++) {
            UUID campaign = campaigns.get(random.nextInt(campaigns.size()));
            events.add(new CampaignSpendRecorded(campaign, BigDecimal.valueOf(100 + random.nextInt(900)),
                    BigDecimal.ZERO, "JPY", null, "mia", at(random, start)));
        }
        for (int i = 0; i < 15; i++) {
            UUID round = UUID.randomUUID();
            UUID campaign = campaigns.get(random.nextInt(campaigns.size()));
            for (String author : List.of("sam", "mia")) {
                Team team = author.equals("sam") ? Team.SALES : Team.MARKETING;
                // a revision replaces the author's entry of the round: the later one counts, whatever arrives last
                for (int revision = 0; revision <= random.nextInt(2); revision++) {
                    events.add(new FeedbackSubmitted(round, campaign, UUID.randomUUID(), team, author,
                            random.nextInt(5) == 0 ? null : 1 + random.nextInt(5), "ok", List.of(), revision > 0,
                            at(random, start)));
                }
            }
        }

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(
                events.stream().map(CloudEventRecord::toRecord).toList());
        Collections.shuffle(records, random); // out of order, across and within aggregates
        List<ProducerRecord<String, byte[]>> duplicates = new ArrayList<>();
        for (int i = 0; i < records.size() / 5; i++) {
            duplicates.add(records.get(random.nextInt(records.size()))); // the same ce_id again, later
        }
        List<String> ids = records.stream().map(r -> TopicProbe.header(r, CloudEventRecord.ID)).distinct().toList();
        List<ProducerRecord<String, byte[]>> stream = new ArrayList<>(records);
        stream.addAll(duplicates);
        for (int from = 0; from < stream.size(); from += 60) { // several polls, so several batches
            TopicProbe.sendAll(stream.subList(from, Math.min(stream.size(), from + 60)));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> processed(ids) == ids.size());

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(factsByDayAndCampaign(), rollupsByDayAndCampaign(), "view_rollup against the facts");
            assertEquals(reasonsFromFacts(), reasonsFromRollups(), "view_rollup_reason against the facts");
            assertEquals(handoffBucketsFromFacts(), handoffBucketsFromRollups(), "view_rollup_handoff against the facts");
            assertTrue(!handoffBucketsFromRollups().isEmpty(), "the stream had handoffs");

            List<ViewFilter> windows = new ArrayList<>();
            for (UUID campaign : new UUID[] { null, campaigns.get(0), campaigns.get(1) }) {
                windows.add(new ViewFilter(null, null, campaign));
                windows.add(new ViewFilter(start.plus(1, ChronoUnit.DAYS), start.plus(4, ChronoUnit.DAYS), campaign));
                for (int i = 0; i < 6; i++) {
                    Instant from = at(random, start.minus(1, ChronoUnit.DAYS));
                    Instant to = from.plusSeconds(1 + random.nextInt(4 * 86_400));
                    windows.add(new ViewFilter(from, to, campaign));
                }
                Instant midday = start.plus(2, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
                windows.add(new ViewFilter(midday, midday.plus(5, ChronoUnit.HOURS), campaign)); // inside one day
                windows.add(new ViewFilter(midday, null, campaign));
                windows.add(new ViewFilter(null, midday, campaign));
            }
            Map<ViewFilter, ViewNumbers> measured = queries.measured(windows); // goals read many windows at once
            for (ViewFilter window : windows) {
                ViewNumbers facts = FactsOnlyView.numbers(entityManager, window);
                assertEquals(facts, queries.numbers(window), "numbers of " + window);
                assertEquals(new ViewNumbers(facts.funnel(), facts.revenue(), facts.sla(), facts.avgLeadQuality(),
                        facts.avgCsat(), facts.csatCount(), List.of(), facts.conflicts(), null), measured.get(window),
                        "measured numbers of " + window);
                assertEquals(FactsOnlyView.campaigns(entityManager, window), queries.campaigns(window),
                        "campaigns of " + window);
            }
        });
        assertTrue(rollupsByDayAndCampaign().keySet().stream().anyMatch(k -> k.endsWith(campaigns.get(0).toString())),
                "the stream reached the rollups");

        // What a rebuild's bulk replay computes from the facts at its end is what the batches kept up (rolled back).
        transaction.begin();
        try {
            Map<String, Map<String, BigDecimal>> kept = rollupsByDayAndCampaign();
            Map<String, Long> keptReasons = reasonsFromRollups();
            Map<String, Long> keptHandoffs = handoffBucketsFromRollups();
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("truncate view_rollup, view_rollup_reason, view_rollup_handoff");
                    for (String fromRows : rollups.fromRows()) {
                        statement.execute(fromRows);
                    }
                }
            });
            assertEquals(kept, rollupsByDayAndCampaign(), "view_rollup computed from the facts");
            assertEquals(keptReasons, reasonsFromRollups(), "view_rollup_reason computed from the facts");
            assertEquals(keptHandoffs, handoffBucketsFromRollups(), "view_rollup_handoff computed from the facts");
        } finally {
            transaction.rollback();
        }
    }

    /** One lead's events: some stages, maybe an SLA breach, touches (some conflicting), a CSAT score. */
    private static List<SmarketingEvent> leadStory(Random random, UUID campaign, Instant start) {
        List<SmarketingEvent> story = new ArrayList<>();
        UUID lead = UUID.randomUUID();
        // some leads learn their campaign only from a later event
        UUID early = random.nextInt(6) == 0 ? null : campaign;
        Instant t = at(random, start);
        boolean mql = random.nextBoolean();
        story.add(new LeadCreated(lead, early, mql ? LeadStage.MQL : LeadStage.NEW, lead + "@example.com", "Lee",
                null, Channel.WEB, 50, "mia", t));
        if (!mql && random.nextInt(3) > 0) {
            t = later(random, t);
            story.add(new LeadQualified(lead, campaign, LeadStage.MQL, 70, "mia", t));
            mql = true;
        }
        if (mql && random.nextInt(4) > 0) {
            t = later(random, t);
            Instant due = t.plus(1, ChronoUnit.HOURS);
            Instant mqlAt = story.get(story.size() - 1).occurredAt();
            story.add(new LeadAssigned(lead, campaign, LeadStage.MQL, "sam", due, "router", t, null, mqlAt));
            if (random.nextInt(4) == 0) { // a reassignment: no second handoff
                story.add(new LeadAssigned(lead, campaign, LeadStage.MQL, "sally", due, "mia", later(random, t)));
            }
            if (random.nextInt(4) == 0) {
                story.add(new LeadSlaBreached(lead, campaign, LeadStage.MQL, "sam", due, "system", due));
            }
            int outcome = random.nextInt(3);
            t = later(random, t);
            boolean withinSla = random.nextBoolean();
            if (outcome == 0) {
                story.add(new LeadRejected(lead, campaign, LeadStage.REJECTED,
                        pick(random, List.of(RejectionReason.values())), null, t, withinSla, "sam", t));
            } else if (outcome == 1) {
                story.add(new LeadAccepted(lead, campaign, LeadStage.SQL, "sam", t, withinSla, "sam", t));
                t = later(random, t);
                if (random.nextBoolean()) {
                    story.add(new LeadWon(lead, campaign, LeadStage.WON, BigDecimal.valueOf(random.nextInt(100_000), 2)
                            .add(BigDecimal.valueOf(1000)), "JPY", "sam", t));
                    if (random.nextBoolean()) {
                        story.add(new FeedbackCsatRecorded(UUID.randomUUID(), lead, campaign, 1 + random.nextInt(5),
                                null, "sam", later(random, t)));
                    }
                } else if (random.nextBoolean()) {
                    story.add(new LeadLost(lead, campaign, LeadStage.LOST, LossReason.values()[0], null, "sam", t));
                }
            }
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            story.add(new LeadTouched(lead, campaign, LeadStage.MQL, UUID.randomUUID(), Team.MARKETING, Channel.EMAIL,
                    "News", null, random.nextBoolean() ? campaign : null,
                    random.nextBoolean() ? "MARKETING_AFTER_ACCEPT" : null, "mia", later(random, t)));
        }
        return story;
    }

    private static Instant at(Random random, Instant start) {
        return start.plusSeconds(random.nextInt(4 * 86_400)).plusMillis(random.nextInt(1000));
    }

    private static Instant later(Random random, Instant t) {
        return t.plusSeconds(60 + random.nextInt(20 * 3600));
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private long processed(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from processed_event where event_id = any(cast(:ids as text[]))")
                .setParameter("ids", ids.toArray(String[]::new)).getSingleResult()).longValue());
    }

    /** Each rollup column as an aggregate of the fact tables, written the way the view read them before. */
    private static final Map<String, String> FACT_AGGREGATES = Map.ofEntries(
            Map.entry("leads", "select created_at as at, campaign_id, 1 as value from lead_fact where created_at is not null"),
            Map.entry("mqls", "select mql_at, campaign_id, 1 from lead_fact where mql_at is not null"),
            Map.entry("sqls", "select sql_at, campaign_id, 1 from lead_fact where sql_at is not null"),
            Map.entry("won", "select won_at, campaign_id, 1 from lead_fact where won_at is not null"),
            Map.entry("revenue", "select won_at, campaign_id, amount from lead_fact where won_at is not null"),
            Map.entry("lost", "select lost_at, campaign_id, 1 from lead_fact where lost_at is not null"),
            Map.entry("rejected", "select rejected_at, campaign_id, 1 from lead_fact where rejected_at is not null"),
            Map.entry("sla_assigned", "select assigned_at, campaign_id, 1 from lead_fact where assigned_at is not null"),
            Map.entry("sla_met", "select responded_at, campaign_id, 1 from lead_fact where within_sla"),
            Map.entry("sla_breached", """
                    select coalesce(sla_breached_at, responded_at), campaign_id, 1 from lead_fact
                    where sla_breached_at is not null or (within_sla = false and responded_at is not null)"""),
            Map.entry("conflicts", "select occurred_at, campaign_id, 1 from touch_fact where conflict is not null"),
            Map.entry("quality_sum", """
                    select occurred_at, campaign_id, lead_quality from feedback_entry_fact
                    where team = 'SALES' and lead_quality is not null"""),
            Map.entry("quality_count", """
                    select occurred_at, campaign_id, 1 from feedback_entry_fact
                    where team = 'SALES' and lead_quality is not null"""),
            Map.entry("csat_sum", "select occurred_at, campaign_id, score from csat_fact"),
            Map.entry("csat_count", "select occurred_at, campaign_id, 1 from csat_fact"),
            Map.entry("spend", "select occurred_at, campaign_id, amount from spend_fact"),
            Map.entry("handoffs", "select handoff_at, campaign_id, 1 from lead_fact where handoff_at is not null"));

    /** "day campaign" → column → value, over all facts; zero values left out. */
    private Map<String, Map<String, BigDecimal>> factsByDayAndCampaign() {
        Map<String, Map<String, BigDecimal>> slots = new TreeMap<>();
        FACT_AGGREGATES.forEach((column, rows) -> {
            for (Tuple row : tuples("""
                    select ((f.at at time zone 'UTC')::date)::text || ' ' || coalesce(f.campaign_id::text, '%1$s') as slot,
                           sum(f.value) as value
                    from (%3$s) as f(at, campaign_id, value) group by 1
                    union all
                    select ((f.at at time zone 'UTC')::date)::text || ' %2$s', sum(f.value)
                    from (%3$s) as f(at, campaign_id, value) group by 1""".formatted(NO_CAMPAIGN, ALL_CAMPAIGNS, rows))) {
                put(slots, row.get("slot", String.class), column, decimal(row.get("value")));
            }
        });
        return slots;
    }

    private Map<String, Map<String, BigDecimal>> rollupsByDayAndCampaign() {
        Map<String, Map<String, BigDecimal>> slots = new TreeMap<>();
        for (Tuple row : tuples("select *, day::text || ' ' || campaign_id::text as slot from view_rollup")) {
            for (String column : FACT_AGGREGATES.keySet()) {
                put(slots, row.get("slot", String.class), column, decimal(row.get(column)));
            }
        }
        return slots;
    }

    private Map<String, Long> reasonsFromFacts() {
        return tuples("""
                select ((rejected_at at time zone 'UTC')::date)::text || ' ' || coalesce(campaign_id::text, '%1$s')
                       || ' ' || rejection_reason as slot, count(*) as n
                from lead_fact where rejected_at is not null and rejection_reason is not null group by 1
                union all
                select ((rejected_at at time zone 'UTC')::date)::text || ' %2$s ' || rejection_reason, count(*)
                from lead_fact where rejected_at is not null and rejection_reason is not null group by 1"""
                .formatted(NO_CAMPAIGN, ALL_CAMPAIGNS)).stream()
                .collect(Collectors.toMap(r -> r.get("slot", String.class), r -> ((Number) r.get("n")).longValue(),
                        (a, b) -> a, TreeMap::new));
    }

    private Map<String, Long> reasonsFromRollups() {
        return tuples("""
                select day::text || ' ' || campaign_id::text || ' ' || reason as slot, rejected as n
                from view_rollup_reason where rejected <> 0""").stream()
                .collect(Collectors.toMap(r -> r.get("slot", String.class), r -> ((Number) r.get("n")).longValue(),
                        (a, b) -> a, TreeMap::new));
    }

    private Map<String, Long> handoffBucketsFromFacts() {
        return tuples("""
                select ((handoff_at at time zone 'UTC')::date)::text || ' ' || coalesce(campaign_id::text, '%1$s')
                       || ' ' || handoff_bucket as slot, count(*) as n
                from lead_fact where handoff_at is not null group by 1
                union all
                select ((handoff_at at time zone 'UTC')::date)::text || ' %2$s ' || handoff_bucket, count(*)
                from lead_fact where handoff_at is not null group by 1"""
                .formatted(NO_CAMPAIGN, ALL_CAMPAIGNS)).stream()
                .collect(Collectors.toMap(r -> r.get("slot", String.class), r -> ((Number) r.get("n")).longValue(),
                        (a, b) -> a, TreeMap::new));
    }

    private Map<String, Long> handoffBucketsFromRollups() {
        return tuples("""
                select day::text || ' ' || campaign_id::text || ' ' || bucket as slot, handoffs as n
                from view_rollup_handoff where handoffs <> 0""").stream()
                .collect(Collectors.toMap(r -> r.get("slot", String.class), r -> ((Number) r.get("n")).longValue(),
                        (a, b) -> a, TreeMap::new));
    }

    private static void put(Map<String, Map<String, BigDecimal>> slots, String slot, String column, BigDecimal value) {
        if (value != null && value.signum() != 0) {
            slots.computeIfAbsent(slot, s -> new TreeMap<>()).put(column, value.stripTrailingZeros());
        }
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> tuples(String sql) {
        return entityManager.createNativeQuery(sql, Tuple.class).getResultList();
    }
}
