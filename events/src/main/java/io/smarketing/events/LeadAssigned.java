package io.smarketing.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead was given to a sales rep, who must accept or reject it by {@code slaDueAt}. When the router chose
 * the rep, {@code by} is {@code "router"} and {@code routingRuleId} names the rule; a person's assignment has
 * no rule. {@code mqlAt} is set on the first assignment after the lead became an MQL (the handoff from
 * marketing to sales, which took {@code occurredAt - mqlAt}) and null on a reassignment.
 */
public record LeadAssigned(
        UUID leadId,
        @Nullable UUID campaignId,
        LeadStage stage,
        String ownerId,
        Instant slaDueAt,
        String by,
        Instant occurredAt,
        @Nullable UUID routingRuleId,
        @Nullable Instant mqlAt) implements LeadEvent {

    public static final String TYPE = "io.smarketing.lead.assigned.v1";

    /** An assignment as events before routing described it: by a person, with no handoff time. */
    public LeadAssigned(UUID leadId, UUID campaignId, LeadStage stage, String ownerId, Instant slaDueAt, String by,
            Instant occurredAt) {
        this(leadId, campaignId, stage, ownerId, slaDueAt, by, occurredAt, null, null);
    }
}
