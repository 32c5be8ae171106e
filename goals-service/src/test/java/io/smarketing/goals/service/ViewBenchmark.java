package io.smarketing.goals.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.Channel;
import io.smarketing.events.FeedbackCsatRecorded;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.SmarketingEvent;
import io.smarketing.events.Team;
import io.smarketing.goals.FactsOnlyView;
import io.smarketing.goals.domain.Goal;
import io.smarketing.goals.domain.GoalProgress;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.persistence.ViewQueries;
import io.smarketing.testing.RealInfrastructure;

/**
 * Measures the shared view's computation and goal evaluation as history grows, with rollups and with the
 * facts-only reads they replaced. Off by default; runs with
 * {@code ./mvnw verify -pl goals-service -Dtest=ViewBenchmark -Dsmarketing.bench.leads=10000,100000}: for each
 * step it loads leads' events (a year of them, 100 campaigns, a realistic mix of stages) into the real
 * projection, 500 events per transaction as the consumer applies them, then times the reads.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
@EnabledIfSystemProperty(named = "smarketing.bench.leads", matches = "[0-9,]+")
class ViewBenchmark {

    private static final int CAMPAIGNS = 100;
    private static final int GOALS = 50;
    private static final int RUNS = 15;

    @Inject
    ProjectionService projections;

    @Inject
    ViewService views;

    @Inject
    GoalService goals;

    @Inject
    ViewQueries queries;

    @Inject
    EntityManager entityManager;

    @Test
    void viewAndGoalEvaluationAsHistoryGrows() {
        Random random = new Random(42);
        List<UUID> campaigns = new ArrayList<>();
        for (int i = 0; i < CAMPAIGNS; i++) {
            campaigns.add(UUID.randomUUID());
        }
        setGoals(campaigns);
        Instant now = Instant.now();
        // a month with partial edge days, as a dashboard asks for it
        ViewFilter month = new ViewFilter(now.minus(30, ChronoUnit.DAYS), now, null);
        ViewFilter allTime = new ViewFilter(null, null, null);
        ViewFilter oneCampaign = new ViewFilter(now.minus(90, ChronoUnit.DAYS), now, campaigns.get(0));
        long loaded = 0;
        for (long target : Arrays.stream(System.getProperty("smarketing.bench.leads").split(",")).mapToLong(Long::parseLong)
                .toArray()) {
            long startLoad = System.nanoTime();
            List<IncomingEvent> batch = new ArrayList<>();
            for (; loaded < target; loaded++) {
                for (SmarketingEvent event : leadStory(random, campaigns.get(random.nextInt(CAMPAIGNS)), now)) {
                    batch.add(new IncomingEvent(UUID.randomUUID().toString(), "bench", "bench", "bench",
                            event.occurredAt(), event));
                    if (batch.size() == 500) {
                        apply(batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            apply(batch);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze").executeUpdate());
            System.out.printf("BENCH %,d leads loaded in %.1f s%n", target, (System.nanoTime() - startLoad) / 1e9);
            for (ViewFilter filter : List.of(allTime, month, oneCampaign)) {
                String name = filter == allTime ? "all time" : filter == month ? "30 days" : "one campaign, 90 days";
                report(target, "view (rollups), " + name, () -> views.viewNow(filter));
                report(target, "numbers+campaigns (rollups), " + name, () -> QuarkusTransaction.requiringNew()
                        .call(() -> List.of(queries.numbers(filter), queries.campaigns(filter))));
                report(target, "numbers+campaigns (facts only, before), " + name, () -> QuarkusTransaction
                        .requiringNew().call(() -> List.of(FactsOnlyView.numbers(entityManager, filter),
                                FactsOnlyView.campaigns(entityManager, filter))));
            }
            report(target, "evaluation of " + GOALS + " goals (rollups)", () -> {
                goals.evaluate();
                return null;
            });
            report(target, "the " + GOALS + " goals' numbers (facts only, before)", () -> QuarkusTransaction
                    .requiringNew().call(() -> goals.all().stream().map(goal -> FactsOnlyView.numbers(entityManager,
                            new ViewFilter(GoalProgress.startOf(goal.periodStart()), GoalProgress.endOf(goal.periodEnd()),
                                    goal.campaignId()))).toList()));
        }
    }

    private void apply(List<IncomingEvent> batch) {
        if (!batch.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> projections.apply(batch));
        }
    }

    private void setGoals(List<UUID> campaigns) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        GoalMetric[] metrics = GoalMetric.values();
        for (int i = 0; i < GOALS; i++) {
            goals.set(new Goal.Definition("bench goal " + i, metrics[i % metrics.length],
                    metrics[i % metrics.length] == GoalMetric.SLA_COMPLIANCE ? new BigDecimal("90")
                            : metrics[i % metrics.length].name().contains("QUALITY")
                                    || metrics[i % metrics.length] == GoalMetric.CSAT ? new BigDecimal("4")
                                            : new BigDecimal("1000"),
                    today.minusDays(60 + i), today.plusDays(30), List.of("sam"), List.of("mia"),
                    i % 2 == 0 ? null : campaigns.get(i)), "erin");
        }
    }

    private static void report(long leads, String what, Supplier<?> read) {
        read.get(); // warm
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %,d leads | %-60s | p50 %7.1f ms | p90 %7.1f ms | max %7.1f ms%n", leads, what,
                nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, nanos[RUNS - 1] / 1e6);
    }

    /** One lead over the past year: 40% become MQLs, most get a rep, some are won, lost or rejected. */
    private static List<SmarketingEvent> leadStory(Random random, UUID campaign, Instant now) {
        List<SmarketingEvent> story = new ArrayList<>();
        UUID lead = UUID.randomUUID();
        Instant t = now.minus(Duration.ofSeconds(3600 + random.nextInt(365 * 86_400)));
        story.add(new LeadCreated(lead, campaign, LeadStage.NEW, "bench@example.com", "Bench", null, Channel.WEB, 40,
                "mia", t));
        if (random.nextInt(10) < 4) {
            t = min(t.plusSeconds(random.nextInt(3 * 86_400)), now);
            story.add(new LeadQualified(lead, campaign, LeadStage.MQL, 70, "mia", t));
            if (random.nextInt(10) < 8) {
                t = min(t.plusSeconds(random.nextInt(86_400)), now);
                story.add(new LeadAssigned(lead, campaign, LeadStage.MQL, "sam", t.plusSeconds(4 * 3600), "mia", t));
                Instant answered = min(t.plusSeconds(random.nextInt(6 * 3600)), now);
                boolean inTime = answered.isBefore(t.plusSeconds(4 * 3600));
                if (random.nextInt(10) < 7) {
                    story.add(new LeadAccepted(lead, campaign, LeadStage.SQL, "sam", answered, inTime, "sam", answered));
                    Instant closed = min(answered.plusSeconds(random.nextInt(20 * 86_400)), now);
                    int outcome = random.nextInt(10);
                    if (outcome < 3) {
                        story.add(new LeadWon(lead, campaign, LeadStage.WON, BigDecimal.valueOf(50_000 + random.nextInt(
                                500_000)), "JPY", "sam", closed));
                        if (random.nextInt(3) == 0) {
                            story.add(new FeedbackCsatRecorded(UUID.randomUUID(), lead, campaign, 1 + random.nextInt(5),
                                    null, "sam", closed));
                        }
                    } else if (outcome < 5) {
                        story.add(new LeadLost(lead, campaign, LeadStage.LOST, LossReason.values()[0], null, "sam", closed));
                    }
                } else {
                    story.add(new LeadRejected(lead, campaign, LeadStage.REJECTED,
                            RejectionReason.values()[random.nextInt(RejectionReason.values().length)], null, answered,
                            inTime, "sam", answered));
                }
            }
        }
        if (random.nextInt(10) == 0) {
            story.add(new LeadTouched(lead, campaign, LeadStage.MQL, UUID.randomUUID(), Team.MARKETING, Channel.EMAIL,
                    "News", null, campaign, random.nextBoolean() ? "MARKETING_AFTER_ACCEPT" : null, "mia", t));
        }
        return story;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
