package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The goal's actual reached its target (status ACHIEVED). Detected by goals-service, so there is no
 * acting user.
 */
public record GoalAchieved(
        UUID goalId,
        @Nullable UUID campaignId,
        GoalMetric metric,
        BigDecimal actual,
        BigDecimal target,
        BigDecimal forecast,
        GoalStatus status,
        Instant occurredAt) implements GoalEvent {

    public static final String TYPE = "io.smarketing.goal.achieved.v1";
}
