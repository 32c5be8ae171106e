package io.smarketing.events;

import java.util.UUID;

/** An event on {@link Topics#GOALS}, keyed by the goal. */
public sealed interface GoalEvent extends SmarketingEvent
        permits GoalSet, GoalRevised, GoalAchieved, GoalAtRisk {

    UUID goalId();

    @Override
    default String subject() {
        return goalId().toString();
    }
}
