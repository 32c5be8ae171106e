package io.smarketing.goals.persistence;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.transaction.TransactionScoped;

/**
 * The keys of the fact rows this transaction writes, so that their contributions can be read before and after
 * the writes. (A transaction-scoped bean is reached through a proxy: only its methods, never its fields.)
 */
@TransactionScoped
public class TouchedFacts {

    record FeedbackKey(UUID roundId, String author) {
    }

    /** The keys of each fact table. */
    record Keys(UUID[] leads, UUID[] touches, UUID[] rounds, String[] authors, UUID[] csats, String[] spends) {

        boolean isEmpty() {
            return leads.length + touches.length + rounds.length + csats.length + spends.length == 0;
        }
    }

    private final Set<UUID> leads = new LinkedHashSet<>();
    private final Set<UUID> touches = new LinkedHashSet<>();
    private final Set<FeedbackKey> feedbackEntries = new LinkedHashSet<>();
    private final Set<UUID> csats = new LinkedHashSet<>();
    private final Set<String> spends = new LinkedHashSet<>();

    void lead(UUID leadId) {
        leads.add(leadId);
    }

    void touch(UUID touchId) {
        touches.add(touchId);
    }

    void feedbackEntry(UUID roundId, String author) {
        feedbackEntries.add(new FeedbackKey(roundId, author));
    }

    void csat(UUID csatId) {
        csats.add(csatId);
    }

    void spend(String eventId) {
        spends.add(eventId);
    }

    /** The keys touched since the last call, which starts the next set. */
    Keys take() {
        Keys keys = new Keys(leads.toArray(UUID[]::new), touches.toArray(UUID[]::new),
                feedbackEntries.stream().map(FeedbackKey::roundId).toArray(UUID[]::new),
                feedbackEntries.stream().map(FeedbackKey::author).toArray(String[]::new),
                csats.toArray(UUID[]::new), spends.toArray(String[]::new));
        leads.clear();
        touches.clear();
        feedbackEntries.clear();
        csats.clear();
        spends.clear();
        return keys;
    }
}
