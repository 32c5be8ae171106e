package io.smarketing.feedback.domain;

/** The two ends of a lead that carry a reason from the field, counted per campaign. */
public enum LeadOutcome {
    /** Sales sent the lead back to marketing ({@code lead.rejected}). */
    REJECTED,
    /** The deal was lost ({@code lead.lost}). */
    LOST
}
