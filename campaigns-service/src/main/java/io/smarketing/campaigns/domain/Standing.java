package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Function;

/** A campaign with its performance: one row of the leaderboard. */
public record Standing(Campaign campaign, Performance performance) {

    /** How the leaderboard ranks: best first, campaigns without the number (no spend for ROI) last. */
    public enum Ranking {
        NEWEST(Comparator.comparing((Standing s) -> s.campaign().createdAt()).reversed()),
        ROI(descendingNullsLast(s -> s.performance().roi())),
        REVENUE(descendingNullsLast(s -> s.performance().revenue())),
        LEADS(Comparator.comparingLong((Standing s) -> s.performance().funnel().leads()).reversed());

        private final Comparator<Standing> order;

        Ranking(Comparator<Standing> primary) {
            // Ties keep a stable page order: by name, then id.
            this.order = primary.thenComparing(s -> s.campaign().name())
                    .thenComparing(s -> s.campaign().id());
        }

        public Comparator<Standing> order() {
            return order;
        }

        private static Comparator<Standing> descendingNullsLast(Function<Standing, BigDecimal> number) {
            return Comparator.comparing(number, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        }
    }
}
