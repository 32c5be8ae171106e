package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import io.smarketing.events.Channel;
import io.smarketing.events.Money;

/** Valid plans to start each test from, changed one field at a time. */
final class Plans {

    static final Money JPY = Money.of("JPY");
    static final LocalDate START = LocalDate.of(2026, 4, 1);

    private Plans() {
    }

    static CampaignPlan valid() {
        return new CampaignPlan("Spring webinar", Channel.EVENT, new BigDecimal("500000"), START, START.plusDays(30),
                "Close the books in a day", "CFOs of mid-size firms", UUID.randomUUID(), "mia", "sam");
    }

    static CampaignPlan withBudget(BigDecimal budget) {
        CampaignPlan p = valid();
        return new CampaignPlan(p.name(), p.channel(), budget, p.startDate(), p.endDate(), p.keyMessage(),
                p.audience(), p.goalId(), p.marketingOwner(), p.salesLiaison());
    }
}
