package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A goal's definition changed; carries the whole goal so consumers just replace their copy. */
public record GoalRevised(
        UUID goalId,
        String name,
        GoalMetric metric,
        BigDecimal target,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> salesOwners,
        List<String> marketingOwners,
        @Nullable UUID campaignId,
        String by,
        Instant occurredAt) implements GoalEvent {

    public static final String TYPE = "io.smarketing.goal.revised.v1";
}
