package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smarketing.events.Money;

/**
 * Which campaigns a won deal's revenue is credited to. Every model credits exactly the deal's amount (rounded
 * to the currency) or nothing, never more: the campaigns' revenues add up to the revenue won.
 */
public enum AttributionModel {

    /** All of it to the lead's source campaign. */
    FIRST {
        @Override
        public Map<UUID, BigDecimal> credit(WonLead lead, Money money) {
            return lead.sourceCampaignId() == null ? Map.of()
                    : Map.of(lead.sourceCampaignId(), money.round(lead.amount()));
        }
    },

    /** All of it to the campaign of the last touch before the win; to the source campaign when there was none. */
    LAST {
        @Override
        public Map<UUID, BigDecimal> credit(WonLead lead, Money money) {
            List<Touch> touches = lead.touchesBeforeWin();
            if (touches.isEmpty()) {
                return FIRST.credit(lead, money);
            }
            return Map.of(touches.get(touches.size() - 1).campaignId(), money.round(lead.amount()));
        }
    },

    /**
     * Split evenly over the source campaign and every other campaign that touched the lead before the win,
     * each once. Leftover units (yen, cents) go one each to the earliest campaigns: the source first, then
     * the others in the order they first touched the lead.
     */
    LINEAR {
        @Override
        public Map<UUID, BigDecimal> credit(WonLead lead, Money money) {
            Set<UUID> campaigns = new LinkedHashSet<>();
            if (lead.sourceCampaignId() != null) {
                campaigns.add(lead.sourceCampaignId());
            }
            lead.touchesBeforeWin().forEach(touch -> campaigns.add(touch.campaignId()));
            if (campaigns.isEmpty()) {
                return Map.of();
            }
            List<BigDecimal> parts = money.split(lead.amount(), campaigns.size());
            Map<UUID, BigDecimal> credit = new HashMap<>();
            int i = 0;
            for (UUID campaign : campaigns) {
                credit.put(campaign, parts.get(i++));
            }
            return credit;
        }
    };

    /** The revenue of one won deal, per campaign credited. */
    public abstract Map<UUID, BigDecimal> credit(WonLead lead, Money money);

    /** The revenue of many won deals, per campaign credited. */
    public Map<UUID, BigDecimal> revenue(Collection<WonLead> leads, Money money) {
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        leads.forEach(lead -> credit(lead, money).forEach((campaign, amount) -> revenue.merge(campaign, amount,
                BigDecimal::add)));
        return revenue;
    }

    /** The revenue credited to one campaign. */
    public BigDecimal revenueOf(UUID campaignId, Collection<WonLead> leads, Money money) {
        return revenue(leads, money).getOrDefault(campaignId, money.zero());
    }
}
