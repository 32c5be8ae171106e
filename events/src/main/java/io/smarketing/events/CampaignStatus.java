package io.smarketing.events;

/** A campaign's lifecycle: DRAFT → ACTIVE → COMPLETED; DRAFT or ACTIVE → CANCELLED. */
public enum CampaignStatus {
    DRAFT, ACTIVE, COMPLETED, CANCELLED
}
