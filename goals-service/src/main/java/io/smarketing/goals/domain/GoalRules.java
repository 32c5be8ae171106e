package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.MoneyLimit;

/** The rules a goal definition must keep, beyond the shape the API validates. */
public final class GoalRules {

    private GoalRules() {
    }

    public static void check(Goal.Definition definition) {
        if (!hasOwner(definition.salesOwners())) {
            throw ProblemException.unprocessable("salesOwners",
                    "a goal needs at least one sales owner: alignment fails when only one side owns a number");
        }
        if (!hasOwner(definition.marketingOwners())) {
            throw ProblemException.unprocessable("marketingOwners",
                    "a goal needs at least one marketing owner: alignment fails when only one side owns a number");
        }
        BigDecimal target = roundedTarget(definition.target());
        if (definition.periodEnd().isBefore(definition.periodStart())) {
            throw ProblemException.unprocessable("periodEnd", "must not be before periodStart");
        }
        BigDecimal ceiling = ceiling(definition.metric());
        if (ceiling != null && target.compareTo(ceiling) > 0) {
            throw ProblemException.unprocessable("target",
                    "a " + definition.metric() + " target cannot exceed " + ceiling.toPlainString());
        }
    }

    /**
     * The target as it is kept, to the cent, after it is known to be in range: greater than 0 once rounded
     * (0.004 would be stored as 0 and every progress would divide by it) and below the platform's money limit,
     * which every target shares and its column holds. The size is checked from the digits before any rounding,
     * so {@code 1E+300000000} or {@code 1E-300000000} never becomes a huge number.
     */
    public static BigDecimal roundedTarget(BigDecimal target) {
        if (target.signum() <= 0) {
            throw ProblemException.unprocessable("target", "must be greater than 0");
        }
        if (MoneyLimit.exceeds(target)) {
            throw ProblemException.unprocessable("target", MoneyLimit.MESSAGE);
        }
        // below 0.001 it rounds to 0 whatever its digits; from there on its scale is as small as its length
        BigDecimal rounded = (long) target.precision() - target.scale() < -2 ? BigDecimal.ZERO
                : target.setScale(2, RoundingMode.HALF_UP);
        if (rounded.signum() <= 0) {
            throw ProblemException.unprocessable("target", "must be at least 0.01: targets are kept to two decimals");
        }
        return rounded;
    }

    /** Level metrics have a natural scale: a percentage, or a 1–5 rating. */
    private static BigDecimal ceiling(GoalMetric metric) {
        return switch (metric) {
            case SLA_COMPLIANCE -> BigDecimal.valueOf(100);
            case LEAD_QUALITY, CSAT -> BigDecimal.valueOf(5);
            default -> null;
        };
    }

    private static boolean hasOwner(List<String> owners) {
        return owners != null && owners.stream().anyMatch(owner -> owner != null && !owner.isBlank());
    }
}
