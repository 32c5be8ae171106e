package io.smarketing.campaigns.domain;

/**
 * A campaign's funnel: the leads it sourced and how many of them reached each milestone (an MQL that became
 * an SQL counts in both). Counts always follow the source campaign; attribution models move revenue only.
 */
public record FunnelCounts(long leads, long mqls, long sqls, long won, long lost, long rejected) {

    public static final FunnelCounts NONE = new FunnelCounts(0, 0, 0, 0, 0, 0);
}
