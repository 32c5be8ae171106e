package io.smarketing.leads.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.smarketing.events.Team;

/**
 * When a touch clashes with the other team's work or with the approved message, so that a customer never
 * gets conflicting or duplicate messages. A conflicting touch is still recorded: the
 * conflict is a signal for both teams, not a refusal.
 *
 * @param touchWindow how close together touches by both teams count as a conflict
 */
public record ConflictRules(Duration touchWindow) {

    public ConflictRules {
        if (touchWindow == null || touchWindow.isNegative() || touchWindow.isZero()) {
            throw new IllegalArgumentException("leads.touch-window-hours must be positive, was " + touchWindow);
        }
    }

    /**
     * What the rules need to know about a new touch.
     *
     * @param team the toucher's team
     * @param acceptedBySales whether sales has accepted the lead (it is an SQL, or was one before it closed)
     * @param otherTeamsLastTouch when the other team last contacted the lead, or null
     * @param messageKey the message the touch used, or null
     * @param keyMessage the key message of the campaign the touch belongs to, or null when there is none
     * @param at when the touch happens
     */
    public record Touch(Team team, boolean acceptedBySales, Instant otherTeamsLastTouch, String messageKey,
            String keyMessage, Instant at) {
    }

    /** Every reason the touch conflicts, joined with "; ", or null when it does not. */
    public String conflict(Touch touch) {
        List<String> reasons = new ArrayList<>(3);
        if (touch.team() == Team.MARKETING && touch.acceptedBySales()) {
            reasons.add("marketing touched a lead that sales has accepted");
        }
        if (touch.otherTeamsLastTouch() != null
                && !touch.otherTeamsLastTouch().isBefore(touch.at().minus(touchWindow))) {
            reasons.add(other(touch.team()) + " touched this lead at " + touch.otherTeamsLastTouch()
                    + ", within the " + human(touchWindow) + " touch window");
        }
        if (differs(touch.messageKey(), touch.keyMessage())) {
            reasons.add("message key '" + touch.messageKey().trim() + "' differs from the campaign's key message '"
                    + touch.keyMessage().trim() + "'");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Case and surrounding spaces do not make a different message. */
    private static boolean differs(String messageKey, String keyMessage) {
        return messageKey != null && !messageKey.isBlank() && keyMessage != null && !keyMessage.isBlank()
                && !messageKey.trim().toLowerCase(Locale.ROOT).equals(keyMessage.trim().toLowerCase(Locale.ROOT));
    }

    private static String other(Team team) {
        return (team == Team.MARKETING ? Team.SALES : Team.MARKETING).name().toLowerCase(Locale.ROOT);
    }

    /** 24h, 90m or 45s rather than PT24H. */
    static String human(Duration duration) {
        if (duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0) {
            return duration.toHours() + "h";
        }
        if (duration.toSecondsPart() == 0) {
            return duration.toMinutes() + "m";
        }
        return duration.toSeconds() + "s";
    }
}
