package io.smarketing.leads.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smarketing.leads.domain.TimelineEntry;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntry, UUID> {

    /** A lead's history in the order it was written. */
    public List<TimelineEntry> ofLead(UUID leadId) {
        return list("leadId", Sort.ascending("seq"), leadId);
    }
}
