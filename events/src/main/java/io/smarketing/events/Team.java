package io.smarketing.events;

/** The two teams whose work the platform aligns. */
public enum Team {
    MARKETING, SALES
}
