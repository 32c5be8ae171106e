package io.smarketing.goals.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.messaging.IncomingEvent;
import io.smarketing.events.CampaignCancelled;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignEvent;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.events.FeedbackCsatRecorded;
import io.smarketing.events.FeedbackEvent;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadSlaBreached;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.Money;
import io.smarketing.goals.config.GoalsConfig;
import io.smarketing.goals.domain.HandoffTimes;
import io.smarketing.goals.persistence.Projections;
import io.smarketing.goals.persistence.Projections.LeadChange;

/**
 * Applies events of the other services' topics to the view's facts, in the consumer's transaction. Amounts are
 * kept at the platform currency's scale ({@link Money#round}), as campaigns-service keeps them, so a deal counts
 * the same here and in its campaign's performance.
 */
@ApplicationScoped
public class ProjectionService {

    private final Projections projections;
    private final Money money;
    private final GoalsConfig config;

    ProjectionService(Projections projections, Money money, GoalsConfig config) {
        this.projections = projections;
        this.money = money;
        this.config = config;
    }

    /** Applies a batch of events; the view's watchers hear of it once. */
    @Transactional(TxType.MANDATORY)
    public void apply(List<IncomingEvent> batch) {
        batch.forEach(this::apply);
        for (BatchActivity.Row row : BatchActivity.newest(batch, config.activityKept())) {
            IncomingEvent incoming = row.event();
            projections.activity(incoming.id(), incoming.type(), incoming.subject(), row.text().summary(),
                    row.text().actor(), row.text().campaignId(), incoming.data().occurredAt());
        }
        projections.flush();
        projections.notifyViewChanged();
    }

    private void apply(IncomingEvent incoming) {
        if (incoming.data() instanceof LeadEvent lead) {
            applyLead(lead);
        } else if (incoming.data() instanceof CampaignEvent campaign) {
            applyCampaign(incoming.id(), campaign);
        } else if (incoming.data() instanceof FeedbackEvent feedback) {
            applyFeedback(feedback);
        }
    }

    private void applyLead(LeadEvent event) {
        LeadChange change = LeadChange.of(event.leadId(), event.campaignId(), event.occurredAt());
        if (event instanceof LeadCreated created) {
            change.first("created_at", created.occurredAt());
            if (created.stage() == LeadStage.MQL) {
                change.first("mql_at", created.occurredAt());
            }
        } else if (event instanceof LeadQualified qualified) {
            change.first("mql_at", qualified.occurredAt());
        } else if (event instanceof LeadAssigned assigned) {
            change.latest("owner_id", assigned.ownerId()).latest("assigned_at", assigned.occurredAt())
                    .latest("sla_due_at", assigned.slaDueAt());
            if (assigned.mqlAt() != null) { // the handoff; a reassignment (no mqlAt) leaves it as it was
                change.latest("handoff_at", assigned.occurredAt()).latest("handoff_bucket",
                        HandoffTimes.bucketOf(Duration.between(assigned.mqlAt(), assigned.occurredAt())));
            }
        } else if (event instanceof LeadAccepted accepted) {
            change.first("sql_at", accepted.occurredAt()).latest("responded_at", accepted.respondedAt())
                    .latest("within_sla", accepted.withinSla());
        } else if (event instanceof LeadRejected rejected) {
            change.first("rejected_at", rejected.occurredAt()).latest("rejection_reason", rejected.reason().name())
                    .latest("responded_at", rejected.respondedAt()).latest("within_sla", rejected.withinSla());
        } else if (event instanceof LeadWon won) {
            change.first("won_at", won.occurredAt()).latest("amount", money.round(won.amount()));
        } else if (event instanceof LeadLost lost) {
            change.first("lost_at", lost.occurredAt()).latest("loss_reason", lost.reason().name());
        } else if (event instanceof LeadSlaBreached breached) {
            change.first("sla_breached_at", breached.occurredAt());
        } else if (event instanceof LeadTouched touched) {
            projections.touch(touched.touchId(), touched.leadId(),
                    touched.touchCampaignId() != null ? touched.touchCampaignId() : touched.campaignId(),
                    touched.team().name(), touched.conflict(), touched.occurredAt());
        }
        projections.lead(change);
    }

    private void applyCampaign(String eventId, CampaignEvent event) {
        if (event instanceof CampaignPlanned planned) {
            projections.campaignDescribed(planned.campaignId(), planned.name(), money.round(planned.budget()), planned.goalId(),
                    planned.occurredAt());
            projections.campaignStatus(planned.campaignId(), "DRAFT", planned.occurredAt());
        } else if (event instanceof CampaignUpdated updated) {
            projections.campaignDescribed(updated.campaignId(), updated.name(), money.round(updated.budget()), updated.goalId(),
                    updated.occurredAt());
        } else if (event instanceof CampaignLaunched launched) {
            projections.campaignStatus(launched.campaignId(), launched.status().name(), launched.occurredAt());
        } else if (event instanceof CampaignCompleted completed) {
            projections.campaignStatus(completed.campaignId(), completed.status().name(), completed.occurredAt());
        } else if (event instanceof CampaignCancelled cancelled) {
            projections.campaignStatus(cancelled.campaignId(), cancelled.status().name(), cancelled.occurredAt());
        } else if (event instanceof CampaignSpendRecorded spend) {
            projections.spend(eventId, spend.campaignId(), money.round(spend.amount()), spend.occurredAt());
        }
    }

    private void applyFeedback(FeedbackEvent event) {
        if (event instanceof FeedbackSubmitted submitted) {
            projections.feedbackEntry(submitted.roundId(), submitted.author(), submitted.campaignId(),
                    submitted.team().name(), submitted.leadQuality(), submitted.occurredAt());
        } else if (event instanceof FeedbackCsatRecorded csat) {
            projections.csat(csat.csatId(), csat.leadId(), csat.campaignId(), csat.score(), csat.occurredAt());
        }
    }
}
