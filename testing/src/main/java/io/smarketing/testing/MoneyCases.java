package io.smarketing.testing;

import java.math.BigDecimal;

/**
 * Amounts that every service must count alike ({@code events} {@code Money}: one scale rule). The shared view's
 * tests and campaign performance's tests both use them, so the two cannot drift apart.
 */
public final class MoneyCases {

    /**
     * A deal won for more decimals than yen have, as an event written before the rule (or by another producer)
     * may carry it; the platform API refuses it now.
     */
    public static final BigDecimal WON_WITH_SEN = new BigDecimal("1000.50");
    /** What it counts as, in the view and in campaign performance: rounded half-even to whole yen. */
    public static final BigDecimal WON_WITH_SEN_COUNTED = new BigDecimal("1000");

    private MoneyCases() {
    }
}
