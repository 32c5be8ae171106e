package io.smarketing.leads.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.smarketing.chassis.problem.ProblemException;

/** A sales rep's announced absence: the router passes them over from {@code from} until {@code to}. */
@Entity
@Table(name = "rep_away")
public class RepAway {

    @Id
    @Column(name = "rep_id")
    private String repId;
    @Column(name = "away_from")
    private Instant awayFrom;
    @Column(name = "away_to")
    private Instant awayTo;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RepAway() {
    }

    public static RepAway of(String repId, Instant from, Instant to, Instant now) {
        RepAway away = new RepAway();
        away.repId = repId;
        away.change(from, to, now);
        return away;
    }

    /** A new period; {@code from} absent means now. It must end after it starts, and in the future. */
    public void change(Instant newFrom, Instant newTo, Instant now) {
        Instant start = newFrom == null ? now : newFrom;
        if (!newTo.isAfter(start)) {
            throw ProblemException.unprocessable("to", "must be after from");
        }
        if (!newTo.isAfter(now)) {
            throw ProblemException.unprocessable("to", "must be in the future");
        }
        awayFrom = start;
        awayTo = newTo;
        updatedAt = now;
    }

    public boolean isAwayAt(Instant instant) {
        return !instant.isBefore(awayFrom) && instant.isBefore(awayTo);
    }

    public String repId() {
        return repId;
    }

    public Instant from() {
        return awayFrom;
    }

    public Instant to() {
        return awayTo;
    }
}
