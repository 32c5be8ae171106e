package io.smarketing.goals.domain;

import java.math.BigDecimal;
import java.util.List;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.GoalMetric;

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
        if (definition.target().signum() <= 0) {
            throw ProblemException.unprocessable("target", "must be greater than 0");
        }
        if (definition.periodEnd().isBefore(definition.periodStart())) {
            throw ProblemException.unprocessable("periodEnd", "must not be before periodStart");
        }
        BigDecimal ceiling = ceiling(definition.metric());
        if (ceiling != null && definition.target().compareTo(ceiling) > 0) {
            throw ProblemException.unprocessable("target",
                    "a " + definition.metric() + " target cannot exceed " + ceiling.toPlainString());
        }
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
