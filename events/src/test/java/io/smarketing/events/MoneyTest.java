package io.smarketing.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MoneyTest {

    @Test
    void theScaleIsTheCurrencysOwn() {
        assertEquals(0, Money.of("JPY").scale());
        assertEquals(2, Money.of("USD").scale());
        assertEquals(3, Money.of("BHD").scale());
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("XYZ1"));
    }

    /** Seeded random amounts and part counts: a property check without a property-testing library. */
    static Stream<Arguments> amountsAndParts() {
        Random random = new Random(20260401);
        return IntStream.range(0, 300).mapToObj(i -> Arguments.of(
                i % 2 == 0 ? "JPY" : "USD",
                BigDecimal.valueOf(random.nextLong(0, 10_000_000_000L), random.nextInt(0, 4)),
                random.nextInt(1, 12)));
    }

    @ParameterizedTest(name = "{1} {0} in {2}")
    @MethodSource("amountsAndParts")
    void aSplitSumsToTheRoundedWholeWithPartsAtMostOneUnitApart(String currency, BigDecimal amount, int parts) {
        Money money = Money.of(currency);
        List<BigDecimal> split = money.split(amount, parts);
        assertEquals(parts, split.size());
        assertEquals(money.round(amount), split.stream().reduce(money.zero(), BigDecimal::add));
        BigDecimal unit = BigDecimal.ONE.movePointLeft(money.scale());
        BigDecimal largest = split.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal smallest = split.stream().min(BigDecimal::compareTo).orElseThrow();
        assertTrue(largest.subtract(smallest).compareTo(unit) <= 0, split.toString());
        assertTrue(split.stream().allMatch(part -> part.scale() == money.scale()));
        assertEquals(split.stream().sorted((a, b) -> b.compareTo(a)).toList(), split, "larger parts come first");
    }

    @Test
    void splittingTheSmallestUnitGivesItToTheFirstPart() {
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("0"), new BigDecimal("0")),
                Money.of("JPY").split(BigDecimal.ONE, 3));
    }

    @Test
    void splittingIntoNoPartsIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("JPY").split(BigDecimal.TEN, 0));
    }

    @Test
    void amountsTheCurrencyCannotHoldAreNamed() {
        Money jpy = Money.of("JPY");
        assertEquals("must be a whole number of JPY", jpy.problemWith(new BigDecimal("1.5")).orElseThrow());
        assertEquals("must have at most 2 decimal places in USD",
                Money.of("USD").problemWith(new BigDecimal("1.005")).orElseThrow());
        assertTrue(jpy.problemWith(new BigDecimal("1e15")).isPresent());
        assertFalse(jpy.problemWith(new BigDecimal("1.000")).isPresent(), "trailing zeros are the same amount");
    }
}
