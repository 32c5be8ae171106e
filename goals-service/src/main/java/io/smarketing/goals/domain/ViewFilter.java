package io.smarketing.goals.domain;

import java.time.Instant;
import java.util.UUID;

/** Which events a view or a goal counts: those that happened in [from, to) and, if set, of one campaign. */
public record ViewFilter(Instant from, Instant to, UUID campaignId) {

    /** Stand-ins for an open end, so queries need no null handling. */
    public static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

    public Instant fromOrBeginning() {
        return from == null ? BEGINNING : from;
    }

    public Instant toOrEnd() {
        return to == null ? END : to;
    }
}
