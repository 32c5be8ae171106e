package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The run-rate forecast fell short of the target (status AT_RISK). Detected by goals-service, so
 * there is no acting user.
 */
public record GoalAtRisk(
        UUID goalId,
        @Nullable UUID campaignId,
        GoalMetric metric,
        BigDecimal actual,
        BigDecimal target,
        BigDecimal forecast,
        GoalStatus status,
        Instant occurredAt) implements GoalEvent {

    public static final String TYPE = "io.smarketing.goal.at-risk.v1";
}
