package io.smarketing.feedback.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.feedback.domain.FeedbackRound;
import io.smarketing.feedback.persistence.FeedbackRoundRepository;

/** Opens and reads feedback rounds; each change and its event commit together. */
@ApplicationScoped
public class RoundService {

    private final FeedbackRoundRepository rounds;
    private final Outbox outbox;

    RoundService(FeedbackRoundRepository rounds, Outbox outbox) {
        this.rounds = rounds;
        this.outbox = outbox;
    }

    /** A completed campaign gets its round; a second completion event finds it open already. */
    @Transactional(TxType.MANDATORY)
    public FeedbackRound openFor(CampaignCompleted completed) {
        return rounds.findByCampaign(completed.campaignId()).orElseGet(() -> {
            FeedbackRound.Opening opening = FeedbackRound.open(completed.campaignId(), completed.by(),
                    completed.occurredAt());
            rounds.persist(opening.round());
            outbox.publish(opening.event());
            return opening.round();
        });
    }

    @Transactional(TxType.SUPPORTS)
    public FeedbackRound get(UUID id) {
        return rounds.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Feedback round", id));
    }

    @Transactional(TxType.SUPPORTS)
    public java.util.Optional<FeedbackRound> findByCampaign(UUID campaignId) {
        return rounds.findByCampaign(campaignId);
    }
}
