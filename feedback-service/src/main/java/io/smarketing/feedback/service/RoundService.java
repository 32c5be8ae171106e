package io.smarketing.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.CampaignCompleted;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.Team;
import io.smarketing.feedback.config.FeedbackConfig;
import io.smarketing.feedback.domain.EntryContent;
import io.smarketing.feedback.domain.FeedbackEntry;
import io.smarketing.feedback.domain.FeedbackRound;
import io.smarketing.feedback.domain.LeadOutcome;
import io.smarketing.feedback.domain.RoundStatus;
import io.smarketing.feedback.domain.RoundSummaries;
import io.smarketing.feedback.persistence.CsatRepository;
import io.smarketing.feedback.persistence.FeedbackEntryRepository;
import io.smarketing.feedback.persistence.FeedbackRoundRepository;
import io.smarketing.feedback.persistence.LeadFactRepository;

/** Opens, fills, closes and reads feedback rounds; each change and its event commit together. */
@ApplicationScoped
public class RoundService {

    /** Who opens the rounds of completed campaigns, as the contract names it. */
    static final String SYSTEM = "system";

    private final FeedbackRoundRepository rounds;
    private final FeedbackEntryRepository entries;
    private final LeadFactRepository leadFacts;
    private final CsatRepository csat;
    private final Outbox outbox;
    private final FeedbackConfig config;
    private final Clock clock;

    RoundService(FeedbackRoundRepository rounds, FeedbackEntryRepository entries, LeadFactRepository leadFacts,
            CsatRepository csat, Outbox outbox, FeedbackConfig config, Clock clock) {
        this.rounds = rounds;
        this.entries = entries;
        this.leadFacts = leadFacts;
        this.csat = csat;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A round with its entries and its summary: frozen if closed, computed now if open. */
    public record RoundView(FeedbackRound round, List<FeedbackEntry> entries, RoundSummary summary) {
    }

    /** A completed campaign gets its round; a second completion event finds it open already. */
    @Transactional(TxType.MANDATORY)
    public FeedbackRound openFor(CampaignCompleted completed) {
        return openIfCampaignHasNone(completed.campaignId(), SYSTEM, completed.occurredAt())
                .orElseGet(() -> rounds.findByCampaign(completed.campaignId()).orElseThrow());
    }

    /** Opens a round by hand, e.g. for a campaign that ended before feedback-service listened. */
    @Transactional
    public RoundView open(UUID campaignId, String by) {
        FeedbackRound round = openIfCampaignHasNone(campaignId, by, Instant.now(clock))
                .orElseThrow(() -> ProblemException.conflict("Campaign " + campaignId + " already has a feedback round "
                        + rounds.findByCampaign(campaignId).map(FeedbackRound::id).orElse(null)));
        return view(round);
    }

    private Optional<FeedbackRound> openIfCampaignHasNone(UUID campaignId, String by, Instant at) {
        FeedbackRound.Opening opening = FeedbackRound.open(campaignId, by, at);
        if (!rounds.insertIfCampaignHasNone(opening.round())) {
            return Optional.empty();
        }
        outbox.publish(opening.event());
        return rounds.findByIdOptional(opening.round().id());
    }

    /** The caller's entry, or a revision of it; {@code team} comes from the caller's role. */
    @Transactional
    public FeedbackRound.Submission submit(UUID roundId, Team team, String author, EntryContent content) {
        FeedbackRound round = lock(roundId);
        FeedbackRound.Submission submission = round.submit(entries.findByRoundAndAuthor(roundId, author), team,
                author, content, Instant.now(clock));
        if (!submission.revised()) {
            entries.persist(submission.entry());
        }
        outbox.publish(submission.event());
        return submission;
    }

    /** Freezes the summary as it is now and announces it. */
    @Transactional
    public RoundView close(UUID roundId, String by) {
        FeedbackRound round = lock(roundId);
        List<FeedbackEntry> roundEntries = entries.listByRound(roundId);
        outbox.publish(round.close(liveSummary(round, roundEntries), by, Instant.now(clock)));
        return new RoundView(round, roundEntries, round.closingSummary().orElseThrow());
    }

    @Transactional(TxType.SUPPORTS)
    public RoundView get(UUID id) {
        return view(rounds.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Feedback round", id)));
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<FeedbackRound> findByCampaign(UUID campaignId) {
        return rounds.findByCampaign(campaignId);
    }

    /** Rounds newest first; null filters match all. */
    @Transactional(TxType.SUPPORTS)
    public Page<FeedbackRound> list(UUID campaignId, RoundStatus status, int page,
            int size) {
        return Page.of(rounds.search(campaignId, status), page, size);
    }

    private FeedbackRound lock(UUID roundId) {
        return rounds.findForUpdate(roundId).orElseThrow(() -> ProblemException.notFound("Feedback round", roundId));
    }

    private RoundView view(FeedbackRound round) {
        List<FeedbackEntry> roundEntries = entries.listByRound(round.id());
        return new RoundView(round, roundEntries,
                round.closingSummary().orElseGet(() -> liveSummary(round, roundEntries)));
    }

    private RoundSummary liveSummary(FeedbackRound round, List<FeedbackEntry> roundEntries) {
        UUID campaignId = round.campaignId();
        return RoundSummaries.summarize(roundEntries,
                leadFacts.reasonCounts(campaignId, LeadOutcome.REJECTED),
                leadFacts.reasonCounts(campaignId, LeadOutcome.LOST),
                csat.tallyFor(campaignId),
                config.topReasons());
    }
}
