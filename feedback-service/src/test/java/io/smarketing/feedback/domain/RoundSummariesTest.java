package io.smarketing.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smarketing.events.FeedbackRoundClosed.ReasonCount;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.Team;
import io.smarketing.feedback.domain.RoundSummaries.CsatTally;

class RoundSummariesTest {

    private static final UUID ROUND = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    private static FeedbackEntry entry(Team team, String author, Integer quality, int minute, String... actions) {
        return FeedbackEntry.first(ROUND, team, author, new EntryContent(quality, "a comment", List.of(actions)),
                T0.plusSeconds(60L * minute));
    }

    private static RoundSummary summarize(List<FeedbackEntry> entries) {
        return RoundSummaries.summarize(entries, Map.of(), Map.of(), CsatTally.NONE, 3);
    }

    @Test
    void anEmptyRoundHasNullAveragesZeroCountsAndEmptyLists() {
        RoundSummary summary = summarize(List.of());

        assertNull(summary.avgLeadQuality());
        assertNull(summary.avgCsat());
        assertEquals(0, summary.csatCount());
        assertEquals(Map.of(Team.SALES, 0, Team.MARKETING, 0), summary.entriesByTeam());
        assertEquals(List.of(), summary.topRejectionReasons());
        assertEquals(List.of(), summary.topLossReasons());
        assertEquals(List.of(), summary.actions());
    }

    @Test
    void aRoundWithOnlySalesEntriesAveragesTheirRatingsAndCountsNoMarketingEntry() {
        RoundSummary summary = summarize(List.of(
                entry(Team.SALES, "sam", 2, 0), entry(Team.SALES, "sue", 3, 1), entry(Team.SALES, "sid", 3, 2)));

        assertEquals(2.67, summary.avgLeadQuality());
        assertEquals(Map.of(Team.SALES, 3, Team.MARKETING, 0), summary.entriesByTeam());
        assertEquals(List.of(), summary.actions());
    }

    @Test
    void aRoundWithOnlyUnratedMarketingEntriesHasNoAverageButItsActions() {
        RoundSummary summary = summarize(List.of(
                entry(Team.MARKETING, "mia", null, 0, "Tighten the audience", "Drop the trade-show list")));

        assertNull(summary.avgLeadQuality());
        assertEquals(Map.of(Team.SALES, 0, Team.MARKETING, 1), summary.entriesByTeam());
        assertEquals(List.of("Tighten the audience", "Drop the trade-show list"), summary.actions());
    }

    @Test
    void marketingsOwnRatingDoesNotMoveTheLeadQualityAverage() {
        RoundSummary summary = summarize(List.of(entry(Team.SALES, "sam", 2, 0), entry(Team.MARKETING, "mia", 5, 1)));

        assertEquals(2.0, summary.avgLeadQuality());
        assertNull(summarize(List.of(entry(Team.MARKETING, "mia", 5, 1))).avgLeadQuality());
    }

    @Test
    void tiedReasonsAreOrderedByNameAfterTheMostFrequent() {
        Map<String, Long> rejections = Map.of("NOT_READY", 2L, "BAD_CONTACT_DATA", 2L, "NOT_A_FIT", 5L,
                "DUPLICATE", 2L);

        RoundSummary summary = RoundSummaries.summarize(List.of(), rejections, Map.of(), CsatTally.NONE, 3);

        assertEquals(List.of(new ReasonCount("NOT_A_FIT", 5), new ReasonCount("BAD_CONTACT_DATA", 2),
                new ReasonCount("DUPLICATE", 2)), summary.topRejectionReasons());
    }

    @Test
    void onlyTheConfiguredNumberOfReasonsIsListedAndZeroCountsNever() {
        Map<String, Long> losses = Map.of("PRICE", 1L, "COMPETITOR", 4L, "TIMING", 0L);

        assertEquals(List.of(new ReasonCount("COMPETITOR", 4)),
                RoundSummaries.summarize(List.of(), Map.of(), losses, CsatTally.NONE, 1).topLossReasons());
        assertEquals(List.of(new ReasonCount("COMPETITOR", 4), new ReasonCount("PRICE", 1)),
                RoundSummaries.summarize(List.of(), Map.of(), losses, CsatTally.NONE, 5).topLossReasons());
    }

    @Test
    void rejectionAndLossReasonsAreListedSeparately() {
        RoundSummary summary = RoundSummaries.summarize(List.of(), Map.of("NO_BUDGET", 1L), Map.of("PRICE", 2L),
                CsatTally.NONE, 3);

        assertEquals(List.of(new ReasonCount("NO_BUDGET", 1)), summary.topRejectionReasons());
        assertEquals(List.of(new ReasonCount("PRICE", 2)), summary.topLossReasons());
    }

    @Test
    void csatIsAveragedToTwoDecimals() {
        RoundSummary summary = RoundSummaries.summarize(List.of(), Map.of(), Map.of(), new CsatTally(3, 13), 3);

        assertEquals(4.33, summary.avgCsat());
        assertEquals(3, summary.csatCount());
    }

    @Test
    void actionsFollowTheOrderEntriesCameInAndRepeatsAppearOnce() {
        RoundSummary summary = summarize(List.of(
                entry(Team.MARKETING, "max", null, 5, "Call within a day", "New landing page"),
                entry(Team.MARKETING, "mia", null, 1, "new landing page"),
                entry(Team.SALES, "sam", 2, 3, "Qualify on budget first")));

        assertEquals(List.of("new landing page", "Qualify on budget first", "Call within a day"), summary.actions());
    }

    @Test
    void theSameInputsGiveTheSameSummaryWhateverTheirOrder() {
        List<FeedbackEntry> entries = List.of(entry(Team.SALES, "sam", 1, 0, "a"), entry(Team.MARKETING, "mia", 4, 0, "b"));

        assertEquals(summarize(entries), summarize(List.of(entries.get(1), entries.get(0))));
        assertEquals(List.of("b", "a"), summarize(entries).actions()); // same minute: by author
    }

    @Test
    void averagesRoundHalfUp() {
        assertEquals(2.5, RoundSummaries.average(5, 2));
        assertEquals(1.67, RoundSummaries.average(5, 3));
        assertEquals(0.13, RoundSummaries.average(1, 8)); // 0.125
        assertNull(RoundSummaries.average(0, 0));
    }

    @Test
    void aSummaryWithoutAnyReasonSlotIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RoundSummaries.summarize(List.of(), Map.of(), Map.of(), CsatTally.NONE, 0));
    }
}
