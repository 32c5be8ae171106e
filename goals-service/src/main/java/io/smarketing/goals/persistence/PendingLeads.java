package io.smarketing.goals.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

import io.smarketing.goals.persistence.Projections.LeadChange;

/**
 * The lead changes of this transaction, one per lead: the events of a lead in a batch merge as the upsert would
 * merge them one after the other, so the batch writes each lead's row once, in one statement. (A
 * transaction-scoped bean is reached through a proxy: only its methods, never its fields.)
 */
@TransactionScoped
public class PendingLeads {

    private final Map<UUID, LeadChange> changes = new LinkedHashMap<>();

    void add(LeadChange change) {
        changes.merge(change.leadId(), change, LeadChange::then);
    }

    /** The changes added since the last call, which starts the next set. */
    List<LeadChange> take() {
        List<LeadChange> taken = new ArrayList<>(changes.values());
        changes.clear();
        return taken;
    }
}
