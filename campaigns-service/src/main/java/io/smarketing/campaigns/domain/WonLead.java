package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A won deal with what attribution needs: its source campaign (or null), the amount, and its campaign touches. */
public record WonLead(UUID leadId, UUID sourceCampaignId, BigDecimal amount, Instant wonAt, List<Touch> touches) {

    public WonLead {
        touches = List.copyOf(touches);
    }

    /** The touches made strictly before the win, earliest first: later touches did not win the deal. */
    public List<Touch> touchesBeforeWin() {
        return touches.stream().filter(touch -> touch.occurredAt().isBefore(wonAt)).sorted(Touch.CHRONOLOGICAL)
                .toList();
    }
}
