package io.smarketing.leads.domain;

/** What people do to a lead; {@link LeadLifecycle} says in which stage each is allowed. */
public enum LeadAction {
    /** Marketing makes a NEW lead an MQL, or re-qualifies a REJECTED one. */
    QUALIFY(false),
    /**
     * Marketing gives an MQL to a sales rep (or to another one), or a sales rep takes an unowned MQL; the owner
     * then owes an answer by the SLA ({@link Lead#assign} has the rules of who may).
     */
    ASSIGN(false),
    /** The owning rep takes the MQL on: it becomes an SQL. */
    ACCEPT(true),
    /** The owning rep sends the MQL back to marketing. */
    REJECT(true),
    /** The owning rep closed the deal. */
    WIN(true),
    /** The owning rep lost the deal. */
    LOSE(true);

    private final boolean ownerOnly;

    LeadAction(boolean ownerOnly) {
        this.ownerOnly = ownerOnly;
    }

    /** Whether only the sales rep who owns the lead may do it. */
    public boolean ownerOnly() {
        return ownerOnly;
    }
}
