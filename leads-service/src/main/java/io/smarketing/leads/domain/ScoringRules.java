package io.smarketing.leads.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadStage;

/**
 * Rule-based lead scoring: points for where the lead came from and for what marketing knows about them,
 * capped at 100. A lead whose score reaches {@code mqlThreshold} is an MQL from the start.
 *
 * @param channelPoints points per source channel (a channel without an entry scores 0)
 * @param company points when the company is known
 * @param title points when the job title is known
 * @param seniorTitle extra points when the title contains one of {@code seniorTitleWords} (whole words)
 * @param phone points when a phone number is known
 * @param campaign points when the lead came from a campaign
 * @param businessEmail points when the e-mail domain is not one of {@code freeEmailDomains}
 */
public record ScoringRules(Map<Channel, Integer> channelPoints, int company, int title, int seniorTitle,
        Set<String> seniorTitleWords, int phone, int campaign, int businessEmail, Set<String> freeEmailDomains,
        int mqlThreshold) {

    public static final int MAX_SCORE = 100;

    public ScoringRules {
        channelPoints = Map.copyOf(channelPoints);
        seniorTitleWords = seniorTitleWords.stream().map(ScoringRules::words).filter(w -> !w.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        freeEmailDomains = lowerCase(freeEmailDomains);
        if (mqlThreshold < 0 || mqlThreshold > MAX_SCORE) {
            throw new IllegalArgumentException("leads.mql-threshold must be within 0-100, was " + mqlThreshold);
        }
        for (int points : new int[] { company, title, seniorTitle, phone, campaign, businessEmail }) {
            requireNonNegative(points);
        }
        channelPoints.values().forEach(ScoringRules::requireNonNegative);
    }

    /** The score of a lead as submitted, 0–100. */
    public int score(Lead.NewLead lead) {
        int score = channelPoints.getOrDefault(lead.channel(), 0);
        score += present(lead.company()) ? company : 0;
        score += present(lead.title()) ? title : 0;
        score += present(lead.title()) && isSenior(lead.title()) ? seniorTitle : 0;
        score += present(lead.phone()) ? phone : 0;
        score += lead.campaignId() != null ? campaign : 0;
        score += isBusinessEmail(lead.email()) ? businessEmail : 0;
        return Math.min(score, MAX_SCORE);
    }

    /** The stage a lead with this score starts in. */
    public LeadStage stageFor(int score) {
        return score >= mqlThreshold ? LeadStage.MQL : LeadStage.NEW;
    }

    private boolean isSenior(String jobTitle) {
        // padded with spaces so "vp" matches "VP Sales" but not "MVP"; "vice president" matches "Vice-President"
        String padded = " " + words(jobTitle) + " ";
        return seniorTitleWords.stream().anyMatch(word -> padded.contains(" " + word + " "));
    }

    /** Lower-case words separated by single spaces: "Co-Founder & CEO" → "co founder ceo". */
    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private boolean isBusinessEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at > 0 && !freeEmailDomains.contains(email.substring(at + 1).trim().toLowerCase(Locale.ROOT));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Set<String> lowerCase(Set<String> values) {
        return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void requireNonNegative(int points) {
        if (points < 0) {
            throw new IllegalArgumentException("scoring points must not be negative, was " + points);
        }
    }
}
