package io.smarketing.feedback.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.smarketing.chassis.problem.Problem;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.Team;

/**
 * What an entry says. The request's own validation checks the comment and the rating's range; the rules
 * here are the ones about actions and the one that depends on the author's team: sales rates lead quality,
 * marketing may.
 */
public record EntryContent(Integer leadQuality, String comment, List<String> actions) {

    public static final int MAX_ACTION_LENGTH = 500;

    public EntryContent {
        Objects.requireNonNull(comment, "comment");
        comment = comment.strip();
        actions = actions == null ? List.of() : actions.stream().map(action -> action == null ? "" : action.strip()).toList();
    }

    void requireCompleteFor(Team team) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (team == Team.SALES && leadQuality == null) {
            violations.add(new Problem.Violation("leadQuality", "is required for sales entries: rate the leads 1–5"));
        }
        for (int i = 0; i < actions.size(); i++) {
            String action = actions.get(i);
            if (action.isEmpty() || action.length() > MAX_ACTION_LENGTH) {
                violations.add(new Problem.Violation("actions[" + i + "]",
                        "must be a non-blank action of at most " + MAX_ACTION_LENGTH + " characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(422, "validation", "Request breaks a rule",
                    violations.size() + " field(s) are invalid", violations);
        }
    }
}
