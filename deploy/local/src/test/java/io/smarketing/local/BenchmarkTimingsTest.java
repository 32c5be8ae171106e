package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchmarkTimingsTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Benchmark.Timings timings = new Benchmark.Timings();
        for (int ms = 100; ms >= 1; ms--) {
            timings.add(ms * 1_000_000L, "call " + ms);
        }
        assertEquals(50.0, timings.percentile(50));
        assertEquals(95.0, timings.percentile(95));
        assertEquals(99.0, timings.percentile(99));
        assertEquals(100.0, timings.percentile(100));
        assertEquals(1.0, timings.percentile(0));
        assertEquals("call 100", timings.results.get(0), "results keep the order the calls were asked for");
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSampleIsNone() {
        Benchmark.Timings one = new Benchmark.Timings();
        one.add(2_500_000L, null);
        assertEquals(2.5, one.percentile(50));
        assertEquals(2.5, one.percentile(99));
        assertTrue(Double.isNaN(new Benchmark.Timings().percentile(50)));
    }
}
