package io.smarketing.goals.domain;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;

/**
 * How long MQLs waited for a rep, kept as a histogram with buckets about 5% wide (20 per factor e of seconds),
 * so the median and 90th percentile of any window come from a few summed buckets per day, however many
 * leads there were. A percentile is its bucket's middle: within about 2.5% of the exact value.
 */
public final class HandoffTimes {

    /** Buckets per factor e: bucket b holds waits of exp(b / 20) - 1 up to exp((b + 1) / 20) - 1 seconds. */
    private static final double PER_E = 20;

    private HandoffTimes() {
    }

    /** The bucket of a wait; a negative one (clocks of two hosts) counts as none. */
    public static int bucketOf(Duration wait) {
        double seconds = Math.max(0, wait.toMillis() / 1000.0);
        return (int) Math.floor(Math.log1p(seconds) * PER_E);
    }

    /** The wait a bucket stands for: its middle, in whole seconds. */
    static long secondsOf(int bucket) {
        return Math.round(Math.expm1((bucket + 0.5) / PER_E));
    }

    /** The handoffs of a window from its histogram (bucket → handoffs). */
    public static ViewNumbers.Handoff of(SortedMap<Integer, Long> histogram) {
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new ViewNumbers.Handoff(0, null, null);
        }
        return new ViewNumbers.Handoff(count, percentile(histogram, count, 0.5), percentile(histogram, count, 0.9));
    }

    /** The nearest-rank percentile: the bucket holding the ⌈q·n⌉-th wait. */
    private static Long percentile(SortedMap<Integer, Long> histogram, long count, double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return secondsOf(bucket.getKey());
            }
        }
        throw new IllegalStateException("a histogram of " + count + " has no rank " + rank);
    }
}
