package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.time.Clocks;

class ClocksTest {

    @Test
    void theServicesClockHasNothingFinerThanPostgreSqlKeeps() {
        for (int reading = 0; reading < 1_000; reading++) {
            Instant now = Clocks.MICROSECONDS.instant();
            assertEquals(0, now.getNano() % 1_000, () -> now + " has nanoseconds PostgreSQL would round away");
        }
    }
}
