package io.smarketing.goals.persistence;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

/**
 * The campaigns this transaction names, in id order. Consumers of different partitions name the same campaigns;
 * inserting their rows in one order in every transaction makes them wait for each other rather than deadlock.
 * (A transaction-scoped bean is reached through a proxy: only its methods, never its fields.)
 */
@TransactionScoped
public class PendingCampaigns {

    private final TreeSet<UUID> ids = new TreeSet<>();

    void add(UUID campaignId) {
        ids.add(campaignId);
    }

    /** The campaigns added since the last call, in id order; the next set starts empty. */
    List<UUID> take() {
        List<UUID> taken = List.copyOf(ids);
        ids.clear();
        return taken;
    }
}
