package io.smarketing.goals.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.goals.config.GoalsConfig;
import io.smarketing.goals.domain.Goal;
import io.smarketing.goals.domain.GoalProgress;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.domain.ViewNumbers;
import io.smarketing.goals.domain.ViewSeries;
import io.smarketing.goals.persistence.Projections;
import io.smarketing.goals.persistence.ViewQueries;

/** Builds the shared view for a filter. */
@ApplicationScoped
public class ViewService {

    private static final Logger LOG = Logger.getLogger(ViewService.class);

    private static final int RECENT = 20;

    private final ViewQueries queries;
    private final GoalService goals;
    private final GoalsConfig config;
    private final Projections projections;
    private final String currency;
    private final Clock clock;

    ViewService(ViewQueries queries, GoalService goals, GoalsConfig config, Projections projections,
            @ConfigProperty(name = "smarketing.currency") String currency, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        this.projections = projections;
        this.currency = currency;
        this.goals = goals;
        this.config = config;
    }

    @Transactional(TxType.SUPPORTS)
    public SharedView view(ViewFilter filter) {
        ViewNumbers numbers = queries.numbers(filter);
        List<Goal> shown = goals.all().stream()
                .filter(goal -> filter.campaignId() == null || filter.campaignId().equals(goal.campaignId()))
                .toList();
        Map<UUID, ViewNumbers> measured = goals.measured(shown);
        Instant now = Instant.now(clock);
        var goalLines = shown.stream().map(goal -> line(goal, measured.get(goal.id()), now)).toList();
        return new SharedView(numbers.funnel(), numbers.revenue(), currency, numbers.rates(), numbers.sla(),
                numbers.handoff(), goalLines, queries.campaigns(filter),
                new SharedView.Feedback(numbers.avgLeadQuality(), numbers.avgCsat(), numbers.csatCount(),
                        numbers.topRejectionReasons()),
                numbers.conflicts(), queries.recentActivity(RECENT), queries.lastEventAt(),
                new SharedView.Filter(filter.from(), filter.to(), filter.campaignId()));
    }

    /** A goal whose progress cannot be computed is shown as such: it never takes the view, or its stream, down. */
    private SharedView.GoalLine line(Goal goal, ViewNumbers numbers, Instant now) {
        GoalProgress progress = null;
        String problem = null;
        try {
            progress = goals.progress(goal, numbers, now);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The progress of goal %s (%s) could not be computed; the view shows the others", goal.name(),
                    goal.id());
            problem = "its progress could not be computed";
        }
        return new SharedView.GoalLine(goal.id(), goal.name(), goal.metric(), goal.periodStart(), goal.periodEnd(),
                goal.campaignId(), progress, problem);
    }

    /**
     * The trend of the filter's window per bucket. An open end is the end of today (UTC); an open start is 30
     * days back for days, the Monday eleven weeks before this week's for weeks.
     */
    @Transactional(TxType.SUPPORTS)
    public ViewSeries series(ViewFilter filter, ViewSeries.Bucket bucket) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Instant to = filter.to() != null ? filter.to() : today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate defaultStart = bucket == ViewSeries.Bucket.DAY ? today.minusDays(29)
                : bucket.startOf(today).minusWeeks(11);
        Instant from = filter.from() != null ? filter.from() : defaultStart.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!from.isBefore(to)) {
            throw ProblemException.unprocessable("from", "must be before to (" + to + ")");
        }
        long buckets = bucket.count(from, to);
        if (buckets > ViewSeries.MAX_BUCKETS) {
            throw ProblemException.unprocessable("from", "the window spans " + buckets + " " + bucket.name().toLowerCase()
                    + "s; a series has at most " + ViewSeries.MAX_BUCKETS + " buckets");
        }
        return ViewSeries.of(bucket, from, to, filter.campaignId(),
                queries.daily(new ViewFilter(from, to, filter.campaignId())));
    }

    /** The same view, for callers outside an HTTP request (the live stream). */
    @ActivateRequestContext
    @Transactional(TxType.SUPPORTS)
    public SharedView viewNow(ViewFilter filter) {
        return view(filter);
    }

    /** Keeps the activity list short; it only feeds the dashboard's recent events. */
    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void trimActivity() {
        projections.trimActivity(config.activityKept());
    }
}
