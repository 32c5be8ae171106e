package io.smarketing.events;

/**
 * Where a lead is in the funnel: NEW → MQL → SQL → WON | LOST; sales may send an MQL back as
 * REJECTED, and it becomes MQL again when re-qualified.
 */
public enum LeadStage {
    NEW, MQL, SQL, WON, LOST, REJECTED
}
