package io.smarketing.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.FeedbackRoundClosed;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.FeedbackSubmitted;
import io.smarketing.events.Team;
import io.smarketing.feedback.domain.RoundSummaries.CsatTally;

class FeedbackRoundTest {

    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final EntryContent RATED = new EntryContent(2, " Too many students ", List.of(" Narrow the audience "));

    private final FeedbackRound round = FeedbackRound.open(CAMPAIGN, "mia", NOW).round();

    private static RoundSummary emptySummary() {
        return RoundSummaries.summarize(List.of(), Map.of(), Map.of(), CsatTally.NONE, 3);
    }

    @Test
    void aNewRoundIsOpenAndAnnouncedForItsCampaign() {
        FeedbackRound.Opening opening = FeedbackRound.open(CAMPAIGN, "mia", NOW);

        assertEquals(RoundStatus.OPEN, opening.round().status());
        assertEquals(CAMPAIGN, opening.event().campaignId());
        assertEquals(opening.round().id(), opening.event().roundId());
        assertTrue(opening.round().closingSummary().isEmpty());
    }

    @Test
    void aFirstEntryIsNotRevisedAndItsEventCarriesTheTeamGiven() {
        FeedbackRound.Submission submission = round.submit(Optional.empty(), Team.SALES, "sam", RATED, NOW);

        assertFalse(submission.revised());
        FeedbackSubmitted event = submission.event();
        assertEquals(Team.SALES, event.team());
        assertEquals("sam", event.author());
        assertEquals(2, event.leadQuality());
        assertEquals("Too many students", event.comment());
        assertEquals(List.of("Narrow the audience"), event.actions());
        assertEquals(submission.entry().id(), event.entryId());
        assertFalse(event.revised());
        assertNull(submission.entry().revisedAt());
    }

    @Test
    void aSecondEntryOfTheSameAuthorReplacesTheFirstUnderTheSameId() {
        FeedbackEntry first = round.submit(Optional.empty(), Team.SALES, "sam", RATED, NOW).entry();

        FeedbackRound.Submission second = round.submit(Optional.of(first), Team.SALES, "sam",
                new EntryContent(4, "Better than I thought", null), NOW.plusSeconds(60));

        assertTrue(second.revised());
        assertTrue(second.event().revised());
        assertEquals(first.id(), second.event().entryId());
        assertEquals(4, second.entry().leadQuality());
        assertEquals(List.of(), second.entry().actions());
        assertEquals(NOW, second.entry().submittedAt());
        assertEquals(NOW.plusSeconds(60), second.entry().revisedAt());
    }

    @Test
    void salesMustRateLeadQuality() {
        ProblemException problem = assertThrows(ProblemException.class, () -> round.submit(Optional.empty(),
                Team.SALES, "sam", new EntryContent(null, "meh", List.of()), NOW));

        assertEquals(422, problem.status());
        assertEquals("leadQuality", problem.toProblem(null).violations().get(0).field());
    }

    @Test
    void blankOrOverlongActionsAreNamedByTheirPositionWithTheMissingRating() {
        EntryContent content = new EntryContent(null, "see actions", java.util.Arrays.asList("ok", " ", null,
                "x".repeat(EntryContent.MAX_ACTION_LENGTH + 1), "y".repeat(EntryContent.MAX_ACTION_LENGTH)));

        ProblemException problem = assertThrows(ProblemException.class,
                () -> round.submit(Optional.empty(), Team.SALES, "sam", content, NOW));

        assertEquals(422, problem.status());
        assertEquals(List.of("leadQuality", "actions[1]", "actions[2]", "actions[3]"),
                problem.toProblem(null).violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void marketingMayAnswerWithoutRating() {
        FeedbackRound.Submission submission = round.submit(Optional.empty(), Team.MARKETING, "mia",
                new EntryContent(null, "We hear you", List.of("Tighten the audience")), NOW);

        assertNull(submission.event().leadQuality());
        assertEquals(Team.MARKETING, submission.entry().team());
    }

    @Test
    void closingFreezesTheSummaryAndAnnouncesIt() {
        RoundSummary summary = emptySummary();

        FeedbackRoundClosed event = round.close(summary, "sam", NOW);

        assertEquals(RoundStatus.CLOSED, round.status());
        assertEquals(Optional.of(summary), round.closingSummary());
        assertEquals(summary, event.summary());
        assertEquals(CAMPAIGN, event.campaignId());
        assertEquals("sam", round.closedBy());
        assertEquals(NOW, round.closedAt());
    }

    @Test
    void aClosedRoundRefusesEntriesAsAConflict() {
        round.close(emptySummary(), "sam", NOW);

        ProblemException problem = assertThrows(ProblemException.class,
                () -> round.submit(Optional.empty(), Team.SALES, "sam", RATED, NOW));

        assertEquals(409, problem.status());
    }

    @Test
    void closingAClosedRoundIsAConflict() {
        round.close(emptySummary(), "sam", NOW);

        assertEquals(409, assertThrows(ProblemException.class, () -> round.close(emptySummary(), "mia", NOW)).status());
    }
}
