package io.smarketing.goals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class HandoffTimesTest {

    private static ViewNumbers.Handoff of(long... seconds) {
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        for (long s : seconds) {
            histogram.merge(HandoffTimes.bucketOf(Duration.ofSeconds(s)), 1L, Long::sum);
        }
        return HandoffTimes.of(histogram);
    }

    @Test
    void noHandoffsHaveNoPercentiles() {
        ViewNumbers.Handoff none = of();
        assertEquals(0, none.count());
        assertNull(none.medianSeconds());
        assertNull(none.p90Seconds());
    }

    @Test
    void smallWaitsComeOutToTheSecond() {
        for (long s : List.of(0L, 1L, 2L, 3L, 4L, 5L, 7L, 10L)) {
            assertEquals(s, of(s).medianSeconds(), "a wait of " + s + " s");
        }
    }

    @Test
    void theMedianAndP90AreTheNearestRankWithinTwoAndAHalfPercent() {
        Random random = new Random(14);
        long[] waits = LongStream.range(0, 1000).map(i -> 30 + random.nextInt(20 * 3600)).sorted().toArray();
        long[] shuffled = waits.clone();
        ViewNumbers.Handoff handoff = of(shuffled);
        assertEquals(1000, handoff.count());
        assertWithin(waits[499], handoff.medianSeconds());
        assertWithin(waits[899], handoff.p90Seconds());
    }

    @Test
    void aNegativeWaitFromSkewedClocksCountsAsNone() {
        assertEquals(0, HandoffTimes.bucketOf(Duration.ofSeconds(-3)));
    }

    private static void assertWithin(long exact, long approximate) {
        assertTrue(Math.abs(approximate - exact) <= Math.max(1, exact * 0.026), exact + " ≈ " + approximate);
    }
}
