package io.smarketing.leads.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smarketing.leads.domain.RepAway;

@ApplicationScoped
public class RepAwayRepository implements PanacheRepositoryBase<RepAway, String> {

    /** The reps away at {@code at}. */
    public Set<String> awayAt(Instant at) {
        return list("awayFrom <= ?1 and awayTo > ?1", at).stream().map(RepAway::repId).collect(Collectors.toSet());
    }

    /** Periods not over at {@code at} (current or announced). */
    public List<RepAway> notOverAt(Instant at) {
        return list("awayTo > ?1", at);
    }
}
