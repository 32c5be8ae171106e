package io.smarketing.feedback.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smarketing.feedback.domain.FeedbackEntry;

@ApplicationScoped
public class FeedbackEntryRepository implements PanacheRepositoryBase<FeedbackEntry, UUID> {

    public Optional<FeedbackEntry> findByRoundAndAuthor(UUID roundId, String author) {
        return find("roundId = ?1 and author = ?2", roundId, author).firstResultOptional();
    }

    /** In the order they first came in. */
    public List<FeedbackEntry> listByRound(UUID roundId) {
        return list("roundId", Sort.ascending("submittedAt").and("author"), roundId);
    }
}
