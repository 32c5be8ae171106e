package io.smarketing.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.smarketing.events.Money;

class StandingTest {

    private static final Money JPY = Money.of("JPY");

    private static Standing standing(String name, long leads, String revenue, String spend, int createdSecond) {
        CampaignPlan p = Plans.valid();
        CampaignPlan plan = new CampaignPlan(name, p.channel(), p.budget(), p.startDate(), p.endDate(), p.keyMessage(),
                null, null, "mia", "sam");
        Campaign campaign = Campaign.plan(UUID.randomUUID(), plan, JPY, "mia", Instant.ofEpochSecond(createdSecond))
                .campaign();
        return new Standing(campaign, Performance.of(new FunnelCounts(leads, 0, 0, 0, 0, 0), new BigDecimal(revenue),
                new BigDecimal(spend), JPY));
    }

    private final Standing profitable = standing("profitable", 5, "300", "100", 1);
    private final Standing unfunded = standing("unfunded", 50, "1000", "0", 2);
    private final Standing losing = standing("losing", 10, "50", "100", 3);

    private List<String> ranked(Standing.Ranking ranking) {
        return Stream.of(unfunded, losing, profitable).sorted(ranking.order()).map(s -> s.campaign().name()).toList();
    }

    @Test
    void roiRanksBestFirstAndCampaignsWithoutSpendLast() {
        assertEquals(List.of("profitable", "losing", "unfunded"), ranked(Standing.Ranking.ROI));
    }

    @Test
    void revenueAndLeadsRankMostFirst() {
        assertEquals(List.of("unfunded", "profitable", "losing"), ranked(Standing.Ranking.REVENUE));
        assertEquals(List.of("unfunded", "losing", "profitable"), ranked(Standing.Ranking.LEADS));
    }

    @Test
    void withoutASortTheNewestComeFirst() {
        assertEquals(List.of("losing", "unfunded", "profitable"), ranked(Standing.Ranking.NEWEST));
    }
}
