package io.smarketing.leads.domain;

import java.time.Duration;
import java.util.Set;

/**
 * Who a lead may be given to and how long its owner has to answer: the owner must be a member of the sales
 * team (a user name, or a prefix ending in {@code *} for a naming convention such as {@code sales-*}), and owes
 * an answer {@code followUp} after the first assignment of the SLA cycle.
 */
public record AssignmentRules(Set<String> salesTeam, Duration followUp) {

    public AssignmentRules {
        salesTeam = Set.copyOf(salesTeam);
    }

    public boolean isSalesUser(String user) {
        for (String member : salesTeam) {
            boolean matches = member.endsWith("*")
                    ? user.length() >= member.length() && user.startsWith(member.substring(0, member.length() - 1))
                    : user.equals(member);
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
