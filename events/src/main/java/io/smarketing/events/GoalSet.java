package io.smarketing.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An executive set a shared goal, owned by people on both teams. */
public record GoalSet(
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

    public static final String TYPE = "io.smarketing.goal.set.v1";
}
