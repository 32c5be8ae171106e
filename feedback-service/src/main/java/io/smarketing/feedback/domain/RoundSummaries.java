package io.smarketing.feedback.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.smarketing.events.FeedbackRoundClosed.ReasonCount;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.Team;

/**
 * The numbers of a round, from its entries and the campaign's reasons and CSAT. Pure arithmetic, so a round
 * with nothing in it gives nulls and zeros (never NaN) and equal inputs always give equal summaries.
 */
public final class RoundSummaries {

    /** Reasons with equal counts are listed by name, so the order never depends on storage order. */
    static final Comparator<ReasonCount> MOST_FREQUENT_FIRST = Comparator
            .comparingInt(ReasonCount::count).reversed()
            .thenComparing(ReasonCount::reason);

    private RoundSummaries() {
    }

    /** CSAT scores of a campaign, as a count and a sum, so the database can add them up. */
    public record CsatTally(long count, long sum) {

        public static final CsatTally NONE = new CsatTally(0, 0);
    }

    /**
     * @param entries          the round's entries, any order
     * @param rejectionReasons the campaign's rejected leads per reason
     * @param lossReasons      the campaign's lost leads per reason
     * @param csat             the campaign's CSAT scores
     * @param topReasons       how many reasons of each kind to list (at least 1)
     */
    public static RoundSummary summarize(List<FeedbackEntry> entries, Map<String, Long> rejectionReasons,
            Map<String, Long> lossReasons, CsatTally csat, int topReasons) {
        if (topReasons < 1) {
            throw new IllegalArgumentException("topReasons must be at least 1, was " + topReasons);
        }
        List<FeedbackEntry> inOrder = entries.stream()
                .sorted(Comparator.comparing(FeedbackEntry::submittedAt).thenComparing(FeedbackEntry::author))
                .toList();
        return new RoundSummary(
                averageLeadQuality(inOrder),
                entriesByTeam(inOrder),
                top(rejectionReasons, topReasons),
                top(lossReasons, topReasons),
                average(csat.sum(), csat.count()),
                Math.toIntExact(csat.count()),
                actions(inOrder));
    }

    /**
     * Sales' ratings only: lead quality is sales' judgement of marketing's leads (marketing may rate too, but
     * that is a self-assessment), and it is the number the shared view's LEAD_QUALITY shows. Null when no
     * salesperson rated.
     */
    private static Double averageLeadQuality(List<FeedbackEntry> entries) {
        List<Integer> ratings = entries.stream().filter(entry -> entry.team() == Team.SALES)
                .map(FeedbackEntry::leadQuality).filter(Objects::nonNull).toList();
        return average(ratings.stream().mapToLong(Integer::longValue).sum(), ratings.size());
    }

    /** Both teams always appear, so "no marketing entry yet" reads as 0 rather than as a missing key. */
    private static Map<Team, Integer> entriesByTeam(List<FeedbackEntry> entries) {
        Map<Team, Integer> counts = new EnumMap<>(Team.class);
        for (Team team : Team.values()) {
            counts.put(team, 0);
        }
        entries.forEach(entry -> counts.merge(entry.team(), 1, Integer::sum));
        return counts;
    }

    private static List<ReasonCount> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .filter(reason -> reason.getValue() > 0)
                .map(reason -> new ReasonCount(reason.getKey(), Math.toIntExact(reason.getValue())))
                .sorted(MOST_FREQUENT_FIRST)
                .limit(limit)
                .toList();
    }

    /** Every entry's actions in the order the entries came in; the same action twice (any case) once. */
    private static List<String> actions(List<FeedbackEntry> entries) {
        Map<String, String> byKey = new LinkedHashMap<>();
        entries.stream().flatMap(entry -> entry.actions().stream())
                .forEach(action -> byKey.putIfAbsent(action.toLowerCase(Locale.ROOT), action));
        return List.copyOf(byKey.values());
    }

    /** Two decimals, half up; null for nothing to average. */
    static Double average(long sum, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
