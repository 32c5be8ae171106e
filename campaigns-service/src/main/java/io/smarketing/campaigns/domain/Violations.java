package io.smarketing.campaigns.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.smarketing.chassis.problem.Problem;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Money;

/** Collects every broken rule of one request, so a client learns them all from one 422. */
final class Violations {

    private final List<Problem.Violation> found = new ArrayList<>();

    /** A required text: trimmed, not blank, at most {@code max} characters; returns the trimmed text. */
    String requiredText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return value;
        }
        return optionalText(field, value, max);
    }

    /** An optional text: trimmed, blank becomes null, at most {@code max} characters. */
    String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    <T> T required(String field, T value) {
        if (value == null) {
            add(field, "is required");
        }
        return value;
    }

    /** A required amount of money, at least {@code minimum}; returned at the currency's scale when valid. */
    BigDecimal money(String field, BigDecimal amount, Money money, BigDecimal minimum, String minimumRule) {
        if (required(field, amount) == null) {
            return null;
        }
        if (amount.compareTo(minimum) < 0) {
            add(field, minimumRule);
            return amount;
        }
        var problem = money.problemWith(amount);
        problem.ifPresent(message -> add(field, message));
        return problem.isPresent() ? amount : money.exact(amount);
    }

    void add(String field, String message) {
        found.add(new Problem.Violation(field, message));
    }

    /** 422 listing every violation, if any was found. */
    void throwIfAny() {
        if (!found.isEmpty()) {
            String detail = String.join("; ", found.stream().map(v -> v.field() + " " + v.message()).toList());
            throw new ProblemException(422, "validation", "Request breaks a rule", detail, List.copyOf(found));
        }
    }
}
