package io.smarketing.campaigns.domain;

import static io.smarketing.events.CampaignStatus.ACTIVE;
import static io.smarketing.events.CampaignStatus.CANCELLED;
import static io.smarketing.events.CampaignStatus.COMPLETED;
import static io.smarketing.events.CampaignStatus.DRAFT;

import java.util.EnumSet;
import java.util.Set;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignStatus;

/**
 * The campaign lifecycle in one table: which statuses allow each action and where it leads.
 * DRAFT → ACTIVE → COMPLETED, DRAFT | ACTIVE → CANCELLED; plans change and spend is recorded without a
 * status change. Anything else is a 409.
 */
public enum CampaignAction {

    REVISE("revise", null, DRAFT, ACTIVE),
    LAUNCH("launch", ACTIVE, DRAFT),
    COMPLETE("complete", COMPLETED, ACTIVE),
    CANCEL("cancel", CANCELLED, DRAFT, ACTIVE),
    RECORD_SPEND("record spend on", null, ACTIVE);

    private final String verb;
    private final CampaignStatus target;
    private final Set<CampaignStatus> allowedFrom;

    CampaignAction(String verb, CampaignStatus target, CampaignStatus first, CampaignStatus... more) {
        this.verb = verb;
        this.target = target;
        this.allowedFrom = EnumSet.of(first, more);
    }

    public boolean allowedFrom(CampaignStatus current) {
        return allowedFrom.contains(current);
    }

    /** The status after this action, or a 409 when the current status forbids it. */
    public CampaignStatus apply(CampaignStatus current) {
        if (!allowedFrom(current)) {
            throw ProblemException.conflict("Cannot " + verb + " a " + current + " campaign (allowed when "
                    + String.join(" or ", allowedFrom.stream().map(Enum::name).toList()) + ")");
        }
        return target == null ? current : target;
    }
}
