package io.smarketing.events;

import java.math.BigDecimal;

/**
 * The one bound on an amount of money anywhere on the platform: what a request may carry, what an event's
 * schema allows ({@code exclusiveMaximum}) and what every money column holds. The narrowest column is
 * {@code numeric(19, 4)}: 15 digits left of the decimal point.
 */
public final class MoneyLimit {

    /** Digits an amount may have left of the decimal point. */
    public static final int INTEGER_DIGITS = 15;
    /** The bound every amount stays below: the event schemas' {@code exclusiveMaximum}. */
    public static final BigDecimal EXCLUSIVE_MAX = BigDecimal.TEN.pow(INTEGER_DIGITS);
    /** What a client is told when an amount is too large. */
    public static final String MESSAGE = "must be less than 10^" + INTEGER_DIGITS;

    private MoneyLimit() {
    }

    /**
     * Whether the amount is 10^15 or more (in magnitude), decided from its digits alone, so that an amount
     * such as {@code 1E+300000000} is refused without ever being expanded.
     */
    public static boolean exceeds(BigDecimal amount) {
        return amount.signum() != 0 && (long) amount.precision() - amount.scale() > INTEGER_DIGITS;
    }
}
