package io.smarketing.events;

/** A goal's progress against its target, from the run-rate forecast. */
public enum GoalStatus {
    ON_TRACK, AT_RISK, ACHIEVED, MISSED
}
