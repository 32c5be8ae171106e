package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.smarketing.events.GoalMetric;

/** The one picture sales, marketing and executives share ({@code GET /api/view}). */
public record SharedView(
        ViewNumbers.Funnel funnel,
        BigDecimal revenue,
        String currency,
        ViewNumbers.Rates rates,
        ViewNumbers.Sla sla,
        ViewNumbers.Handoff handoff,
        List<GoalLine> goals,
        List<CampaignLine> campaigns,
        Feedback feedback,
        long conflicts,
        List<Activity> recent,
        Instant lastEventAt,
        Filter filter) {

    /** One goal and where it stands; {@code progress} null and {@code problem} set when it could not be computed. */
    public record GoalLine(UUID id, String name, GoalMetric metric, LocalDate periodStart, LocalDate periodEnd,
            UUID campaignId, GoalProgress progress, String problem) {
    }

    public record CampaignLine(UUID id, String name, String status, BigDecimal budget, long leads, BigDecimal revenue,
            BigDecimal spend, BigDecimal roi) {

        /** Best revenue first; campaigns of equal revenue by name, then id, so the list has one order whatever the rows' order. */
        public static final Comparator<CampaignLine> BEST_REVENUE_FIRST = Comparator
                .comparing(CampaignLine::revenue, Comparator.reverseOrder())
                .thenComparing(CampaignLine::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CampaignLine::id);
    }

    public record Feedback(BigDecimal avgLeadQuality, BigDecimal avgCsat, long csatCount,
            List<ViewNumbers.ReasonCount> topRejectionReasons) {
    }

    /** One recent event: its type, aggregate, details, who, when, and its campaign's name if it has one. */
    public record Activity(String type, String subject, String summary, String actor, Instant at, String campaign) {
    }

    public record Filter(Instant from, Instant to, UUID campaignId) {
    }
}
