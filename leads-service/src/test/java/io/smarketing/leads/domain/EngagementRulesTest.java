package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smarketing.events.ActivityKind;

class EngagementRulesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final EngagementRules RULES = new EngagementRules(Map.of(ActivityKind.REPLIED, 16),
            Duration.ofDays(10));

    @Test
    void pointsHalveEveryHalfLife() {
        assertEquals(16.0, RULES.decayed(16, T0, T0), 1e-9);
        assertEquals(8.0, RULES.decayed(16, T0, T0.plus(Duration.ofDays(10))), 1e-9);
        assertEquals(4.0, RULES.decayed(16, T0, T0.plus(Duration.ofDays(20))), 1e-9);
        assertEquals(16 / Math.sqrt(2), RULES.decayed(16, T0, T0.plus(Duration.ofDays(5))), 1e-9);
    }

    @Test
    void anEarlierMomentNeverMakesPointsGrow() {
        assertEquals(16.0, RULES.decayed(16, T0, T0.minusSeconds(3600)), 1e-9);
        assertEquals(16.0, RULES.decayed(16, null, T0), 1e-9);
    }

    @Test
    void aKindWithoutPointsScoresNothing() {
        assertEquals(16, RULES.pointsOf(ActivityKind.REPLIED));
        assertEquals(0, RULES.pointsOf(ActivityKind.EMAIL_OPENED));
    }

    @Test
    void aHalfLifeMustBePositiveAndPointsNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> new EngagementRules(Map.of(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new EngagementRules(Map.of(ActivityKind.REPLIED, -1), Duration.ofDays(1)));
    }
}
