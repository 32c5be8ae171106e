package io.smarketing.goals.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.GoalMetric;
import io.smarketing.goals.domain.Goal;
import io.smarketing.goals.domain.GoalMetrics;
import io.smarketing.goals.domain.GoalProgress;
import io.smarketing.goals.domain.RevenuePlan;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.domain.ViewNumbers;
import io.smarketing.goals.persistence.GoalRepository;
import io.smarketing.goals.persistence.GoalStatusRepository;
import io.smarketing.goals.persistence.Projections;
import io.smarketing.goals.persistence.ViewQueries;

/** Goals: their definition, their progress from the view's facts, the revenue plan, status announcements. */
@ApplicationScoped
public class GoalService {

    private static final Logger LOG = Logger.getLogger(GoalService.class);

    private final GoalRepository goals;
    private final ViewQueries queries;
    private final Projections projections;
    private final GoalStatusRepository statuses;
    private final Outbox outbox;
    private final Clock clock;
    private final Timer evaluations;

    GoalService(GoalRepository goals, ViewQueries queries, Projections projections, GoalStatusRepository statuses,
            Outbox outbox, Clock clock, MeterRegistry meters) {
        this.goals = goals;
        this.queries = queries;
        this.projections = projections;
        this.statuses = statuses;
        this.outbox = outbox;
        this.clock = clock;
        this.evaluations = Timer.builder("smarketing.goals.evaluation")
                .description("One evaluation of every goal (the timer's round)").register(meters);
    }

    @Transactional
    public Goal set(Goal.Definition definition, String by) {
        Goal.Change change = Goal.set(definition, by, Instant.now(clock));
        goals.persist(change.goal());
        outbox.publish(change.event());
        projections.notifyViewChanged();
        return change.goal();
    }

    /** Replaces the definition; {@code expectedVersion} guards against overwriting someone else's change. */
    @Transactional
    public Goal revise(UUID id, long expectedVersion, Goal.Definition definition, String by) {
        Goal goal = get(id);
        if (goal.version() != expectedVersion) {
            throw ProblemException.staleVersion("Goal", id, goal.version(), expectedVersion);
        }
        outbox.publish(goal.revise(definition, by, Instant.now(clock)).event());
        projections.notifyViewChanged();
        return goal;
    }

    @Transactional(TxType.SUPPORTS)
    public Goal get(UUID id) {
        return goals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Goal", id));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Goal> list(int page, int size) {
        return Page.of(goals.findAll(Sort.ascending("periodEnd", "name", "id")), page, size);
    }

    @Transactional(TxType.SUPPORTS)
    public List<Goal> all() {
        return goals.listAll(Sort.ascending("periodEnd", "name", "id"));
    }

    @Transactional(TxType.SUPPORTS)
    public GoalProgress progress(Goal goal) {
        Instant now = Instant.now(clock);
        return progress(goal, measured(List.of(goal)).get(goal.id()), now);
    }

    /** The numbers of each goal's period and campaign, in one read however many goals there are. */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, ViewNumbers> measured(List<Goal> goals) {
        Map<ViewFilter, ViewNumbers> byWindow = queries.measured(goals.stream().map(GoalService::window).toList());
        Map<UUID, ViewNumbers> measured = new HashMap<>();
        goals.forEach(goal -> measured.put(goal.id(), byWindow.get(window(goal))));
        return measured;
    }

    /** Where the goal stands now, from the numbers of its period and campaign. */
    public GoalProgress progress(Goal goal, ViewNumbers numbers, Instant now) {
        return GoalProgress.of(goal.metric(), goal.target(), goal.periodStart(), goal.periodEnd(),
                GoalMetrics.actual(goal.metric(), numbers), now);
    }

    @Transactional(TxType.SUPPORTS)
    public RevenuePlan plan(UUID id) {
        Goal goal = get(id);
        if (goal.metric() != GoalMetric.REVENUE) {
            throw ProblemException.unprocessable("metric",
                    "a plan is the reverse funnel of a REVENUE goal; this goal measures " + goal.metric());
        }
        Instant now = Instant.now(clock);
        GoalProgress progress = progress(goal);
        ViewNumbers history = queries.numbers(new ViewFilter(null, null, goal.campaignId()));
        return RevenuePlan.of(goal.target(), progress.actual(), new RevenuePlan.History(history.revenue(),
                history.funnel().won(), history.funnel().sqls(), history.funnel().mqls()), goal.periodEnd(), now);
    }

    /**
     * Announces each goal's change of status once: {@code goal.achieved} or {@code goal.at-risk}. Runs on a
     * timer because time alone moves a goal (a quiet week puts it at risk). Each goal is evaluated in its own
     * transaction, so one goal that cannot be evaluated never holds back the others; the status lives in
     * {@code goal_status}, so evaluating never moves the version a client revises against.
     */
    @Scheduled(every = "${goals.evaluation-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluate() {
        evaluations.record(() -> {
            Instant now = Instant.now(clock);
            List<Goal> all = QuarkusTransaction.requiringNew().call(() -> all());
            Map<UUID, ViewNumbers> measured = QuarkusTransaction.requiringNew().call(() -> measured(all));
            for (Goal goal : all) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> announceChange(goal, measured.get(goal.id()), now));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Goal %s (%s) could not be evaluated; the other goals were", goal.name(), goal.id());
                }
            }
        });
    }

    private void announceChange(Goal goal, ViewNumbers numbers, Instant now) {
        GoalProgress progress = progress(goal, numbers, now);
        if (statuses.changeTo(goal.id(), progress.status(), now)) {
            LOG.infof("Goal %s (%s) is now %s", goal.name(), goal.id(), progress.status());
            goal.announcement(progress, now).ifPresent(outbox::publish);
        }
    }

    private static ViewFilter window(Goal goal) {
        return new ViewFilter(GoalProgress.startOf(goal.periodStart()), GoalProgress.endOf(goal.periodEnd()),
                goal.campaignId());
    }
}
