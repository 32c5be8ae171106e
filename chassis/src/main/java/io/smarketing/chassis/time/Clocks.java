package io.smarketing.chassis.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock every service reads the time from. PostgreSQL keeps timestamps to the microsecond and rounds
 * anything finer, so the clock ticks in whole microseconds: the instant an API answers with, the one stored
 * and the one its event carries are then the same instant.
 */
@ApplicationScoped
public class Clocks {

    /** The system clock in UTC, ticking in microseconds. */
    public static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    @Produces
    @Singleton
    Clock clock() {
        return MICROSECONDS;
    }
}
