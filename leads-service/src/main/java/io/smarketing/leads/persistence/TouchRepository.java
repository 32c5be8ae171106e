package io.smarketing.leads.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smarketing.events.Team;
import io.smarketing.leads.domain.Touch;

@ApplicationScoped
public class TouchRepository implements PanacheRepositoryBase<Touch, UUID> {

    /** When the team last contacted the lead; repeated submissions are the customer's doing, not a contact. */
    public Optional<Instant> lastContact(UUID leadId, Team team) {
        return Optional.ofNullable(getEntityManager().createQuery("""
                select max(t.occurredAt) from Touch t
                where t.leadId = :lead and t.team = :team and t.submission = false""", Instant.class)
                .setParameter("lead", leadId)
                .setParameter("team", team)
                .getSingleResult());
    }
}
