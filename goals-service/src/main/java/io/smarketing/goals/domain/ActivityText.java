package io.smarketing.goals.domain;

import java.util.Optional;
import java.util.UUID;

import io.smarketing.events.CampaignCancelled;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.CampaignEvent;
import io.smarketing.events.CampaignLaunched;
import io.smarketing.events.CampaignPlanned;
import io.smarketing.events.CampaignSpendRecorded;
import io.smarketing.events.CampaignUpdated;
import io.smarketing.events.FeedbackCsatRecorded;
import io.smarketing.events.FeedbackRoundClosed;
import io.smarketing.events.FeedbackRoundOpened;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadScored;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.SmarketingEvent;

/**
 * One line of the dashboard's activity list: the details of an event worth showing next to its type and its
 * campaign's name (the page translates the type; details are data, not prose).
 */
public record ActivityText(String summary, String actor, UUID campaignId) {

    public static Optional<ActivityText> of(SmarketingEvent event) {
        if (event instanceof LeadEvent lead) {
            return Optional.of(new ActivityText(leadDetail(lead), lead.by(), lead.campaignId()));
        }
        if (event instanceof CampaignSpendRecorded spend) {
            return Optional.of(new ActivityText(spend.amount().toPlainString() + " " + spend.currency(), spend.by(),
                    spend.campaignId()));
        }
        if (event instanceof CampaignEvent campaign) {
            return Optional.of(new ActivityText("", by(campaign), campaign.campaignId()));
        }
        if (event instanceof FeedbackSubmitted submitted) {
            String quality = submitted.leadQuality() == null ? "" : " ★" + submitted.leadQuality();
            return Optional.of(new ActivityText(submitted.team() + quality, submitted.author(), submitted.campaignId()));
        }
        if (event instanceof FeedbackCsatRecorded csat) {
            return Optional.of(new ActivityText("CSAT " + csat.score(), csat.by(), csat.campaignId()));
        }
        if (event instanceof FeedbackRoundOpened opened) {
            return Optional.of(new ActivityText("", opened.by(), opened.campaignId()));
        }
        if (event instanceof FeedbackRoundClosed closed) {
            return Optional.of(new ActivityText("", closed.by(), closed.campaignId()));
        }
        return Optional.empty();
    }

    private static String by(CampaignEvent event) {
        if (event instanceof CampaignPlanned planned) {
            return planned.by();
        }
        if (event instanceof CampaignUpdated updated) {
            return updated.by();
        }
        if (event instanceof CampaignLaunched launched) {
            return launched.by();
        }
        if (event instanceof CampaignCompleted completed) {
            return completed.by();
        }
        if (event instanceof CampaignCancelled cancelled) {
            return cancelled.by();
        }
        return null;
    }

    private static String leadDetail(LeadEvent event) {
        if (event instanceof LeadCreated created) {
            return created.email() + " · " + created.score();
        }
        if (event instanceof LeadAssigned assigned) {
            return assigned.ownerId();
        }
        if (event instanceof LeadAccepted accepted) {
            return accepted.ownerId() + (accepted.withinSla() ? "" : " · late");
        }
        if (event instanceof LeadRejected rejected) {
            return rejected.reason().name();
        }
        if (event instanceof LeadWon won) {
            return won.amount().toPlainString() + " " + won.currency();
        }
        if (event instanceof LeadLost lost) {
            return lost.reason().name();
        }
        if (event instanceof LeadScored scored) {
            return scored.activityKind() + " · " + scored.previousScore() + " → " + scored.score();
        }
        if (event instanceof LeadTouched touched) {
            return touched.team() + " · " + touched.channel() + (touched.conflict() == null ? "" : " · ⚠ " + touched.conflict());
        }
        return event.stage().name();
    }
}
