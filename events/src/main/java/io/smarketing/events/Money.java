package io.smarketing.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;


/**
 * Amounts in the platform currency, at the currency's own number of decimals (JPY 0, EUR and USD 2). The one
 * scale rule of the platform, in every service:
 * <ul>
 * <li>an amount a client sends (a budget, spend, a deal won, a revenue target) must fit the currency exactly
 * and stay below {@link MoneyLimit}, or it is a 422 ({@link #problemWith});</li>
 * <li>an amount read from an event is rounded half-even to the currency ({@link #round}) where it is
 * projected, so an event written before the rule, or by another producer, counts the same in every view;</li>
 * <li>a split (linear attribution) never creates or loses a unit ({@link #split}).</li>
 * </ul>
 */
public record Money(String currency, int scale) {

    public Money {
        if (scale < 0 || scale > 4) {
            throw new IllegalArgumentException("Unsupported number of decimals for " + currency + ": " + scale);
        }
    }

    /** The money of an ISO 4217 currency code, such as {@code JPY}. */
    public static Money of(String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        return new Money(currency.getCurrencyCode(), Math.max(currency.getDefaultFractionDigits(), 0));
    }

    /** Why the amount cannot be an amount of this currency, if it cannot. */
    public Optional<String> problemWith(BigDecimal amount) {
        if (MoneyLimit.exceeds(amount)) {
            return Optional.of(MoneyLimit.MESSAGE);
        }
        if (amount.stripTrailingZeros().scale() > scale) {
            return Optional.of(scale == 0
                    ? "must be a whole number of " + currency
                    : "must have at most " + scale + " decimal places in " + currency);
        }
        return Optional.empty();
    }

    /** An amount already checked by {@link #problemWith}, at the currency's scale. */
    public BigDecimal exact(BigDecimal amount) {
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** An amount from elsewhere (a deal won), rounded half-even to the currency's scale. */
    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(scale, RoundingMode.HALF_EVEN);
    }

    public BigDecimal zero() {
        return BigDecimal.ZERO.setScale(scale);
    }

    /**
     * Splits an amount into {@code parts} amounts of the currency that differ by at most one unit (one yen,
     * one cent) and add up exactly to the amount rounded to the currency: the leftover units go one each to
     * the first parts, so the order of the parts decides who gets them.
     */
    public List<BigDecimal> split(BigDecimal amount, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("Cannot split into " + parts + " parts");
        }
        BigInteger[] quotientAndRemainder = round(amount).unscaledValue()
                .divideAndRemainder(BigInteger.valueOf(parts));
        BigInteger base = quotientAndRemainder[0];
        int leftoverUnits = quotientAndRemainder[1].abs().intValue();
        BigInteger unit = BigInteger.valueOf(quotientAndRemainder[1].signum());
        List<BigDecimal> split = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            BigInteger units = i < leftoverUnits ? base.add(unit) : base;
            split.add(new BigDecimal(units, scale));
        }
        return split;
    }
}
