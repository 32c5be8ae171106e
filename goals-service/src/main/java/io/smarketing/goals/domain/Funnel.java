package io.smarketing.goals.domain;

/** How many leads reached each stage: captured, MQL, SQL, and their outcomes. */
public record Funnel(long leads, long mqls, long sqls, long won, long lost, long rejected) {
}
