package io.smarketing.leads.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smarketing.leads.domain.RoutingRule;

@ApplicationScoped
public class RoutingRuleRepository implements PanacheRepositoryBase<RoutingRule, UUID> {

    /** Advisory lock key: "ROUTER" in ASCII; per database, so per service, across replicas. */
    private static final long ROUTING_LOCK = 0x524F55544552L;

    /**
     * Serializes everything that reads or changes who gets the next lead, across replicas, until the
     * transaction ends: the router's rounds and the executives' rule changes. Nothing else takes it, so it
     * never waits on a lead's own transitions.
     */
    public void lockRouting() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", ROUTING_LOCK)
                .getSingleResult();
    }

    /** The order rules are tried in: by position, then the older first; the default rule after all others. */
    public static final Sort MATCH_ORDER = Sort.ascending("isDefault", "position", "createdAt", "id");

    /** Every rule, in the order they are tried. */
    public List<RoutingRule> inMatchOrder() {
        return listAll(MATCH_ORDER);
    }

    /** The position after the last rule's: a new rule without one is tried after the others. */
    public int nextPosition() {
        Object last = getEntityManager().createQuery("select max(position) from RoutingRule where isDefault = false")
                .getSingleResult();
        return last == null ? 1 : ((Number) last).intValue() + 1;
    }

    public boolean defaultExistsOtherThan(UUID id) {
        return count("isDefault = true and id <> ?1", id) > 0;
    }

    /** A fresh value of the rotation's turn counter. */
    public long nextTurn() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('routing_turn')").getSingleResult())
                .longValue();
    }
}
