package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.ActivityKind;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.EngagementRules;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.persistence.ActivityRepository;
import io.smarketing.leads.persistence.LeadRepository;

/**
 * Engagement scoring: prospect activity reported by the marketing tools raises the lead's score, each external
 * id once. The leads are locked (in id order) for the request, so activity for one lead arriving on two
 * replicas at once adds up instead of one overwriting the other; a NEW lead whose score reaches the MQL
 * threshold is qualified in the same transaction, and routing takes it from there.
 */
@ApplicationScoped
public class EngagementService {

    /** How far ahead of this server's clock a reported time may be (clocks of other systems drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final LeadRepository leads;
    private final ActivityRepository activities;
    private final LeadHistory history;
    private final EngagementRules rules;
    private final int mqlThreshold;
    private final Clock clock;

    EngagementService(LeadRepository leads, ActivityRepository activities, LeadHistory history, LeadsConfig config,
            Clock clock) {
        this.leads = leads;
        this.activities = activities;
        this.history = history;
        this.rules = config.engagementRules();
        this.mqlThreshold = config.mqlThreshold();
        this.clock = clock;
    }

    /** One reported activity: for a lead by id, or for the open lead with an e-mail; {@code at} null means now. */
    public record Activity(String externalId, ActivityKind kind, UUID leadId, String email, Instant at) {
    }

    /** What became of one activity: recorded (with the lead's score after it), a repeat, or refused (why). */
    public record Outcome(Activity activity, Lead lead, int points, boolean duplicate, boolean qualified,
            int score, Refusal refusal) {

        public boolean recorded() {
            return refusal == null && !duplicate;
        }
    }

    /** Why an activity was not recorded, on which of its fields. */
    public record Refusal(String field, String message) {

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** Records the activities in order, in one transaction; a refused one does not stop the others. */
    @Transactional
    public List<Outcome> record(List<Activity> reported, String by) {
        Instant now = Instant.now(clock);
        Map<String, UUID> byEmail = leads.openIdsByEmails(reported.stream().map(Activity::email)
                .filter(Objects::nonNull).map(EngagementService::key).collect(Collectors.toSet()));
        Set<UUID> ids = new HashSet<>(byEmail.values());
        reported.stream().map(Activity::leadId).filter(Objects::nonNull).forEach(ids::add);
        Map<UUID, Lead> locked = leads.lockAll(ids).stream().collect(Collectors.toMap(Lead::id, Function.identity()));

        List<Outcome> outcomes = new ArrayList<>(reported.size());
        for (Activity activity : reported) {
            Lead lead = activity.leadId() != null ? locked.get(activity.leadId())
                    : locked.get(byEmail.get(key(activity.email())));
            Instant at = activity.at() == null ? now : activity.at();
            int points = rules.pointsOf(activity.kind());
            if (lead == null) {
                outcomes.add(refused(activity, activity.leadId() != null
                        ? new Refusal("leadId", "unknown lead " + activity.leadId())
                        : new Refusal("email", "no open lead has the e-mail " + activity.email())));
            } else if (at.isAfter(now.plus(CLOCK_SKEW))) {
                outcomes.add(refused(activity, new Refusal("occurredAt", "must not be in the future")));
            } else if (!activities.insertIfNew(activity.externalId(), lead.id(), activity.kind(), points, at, now, by)) {
                outcomes.add(new Outcome(activity, lead, points, true, false, lead.score(rules, now), null));
            } else {
                Lead.Engaged engaged = lead.engage(activity.kind(), activity.externalId(), at.isAfter(now) ? now : at,
                        points, rules, mqlThreshold, by, now);
                history.record(engaged.scored());
                if (engaged.qualified() != null) {
                    history.record(engaged.qualified());
                }
                outcomes.add(new Outcome(activity, lead, points, false, engaged.qualified() != null,
                        engaged.scored().score(), null));
            }
        }
        leads.flushChanges();
        return outcomes;
    }

    /** One activity for the lead {@code activity.leadId()}: 404 for an unknown lead, 422 for a time in the future. */
    @Transactional
    public Outcome recordOne(Activity activity, String by) {
        Outcome outcome = record(List.of(activity), by).get(0);
        if (outcome.refusal() != null && outcome.refusal().field().equals("leadId")) {
            throw ProblemException.notFound("Lead", activity.leadId());
        }
        if (outcome.refusal() != null) {
            throw ProblemException.unprocessable(outcome.refusal().field(), outcome.refusal().message());
        }
        return outcome;
    }

    private static Outcome refused(Activity activity, Refusal refusal) {
        return new Outcome(activity, null, 0, false, false, 0, refusal);
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
