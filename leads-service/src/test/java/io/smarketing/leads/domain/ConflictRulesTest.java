package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.smarketing.events.Team;

class ConflictRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final ConflictRules RULES = new ConflictRules(Duration.ofHours(24));

    private static ConflictRules.Touch touch(Team team, boolean accepted, Instant otherTeam, String key, String keyMessage) {
        return new ConflictRules.Touch(team, accepted, otherTeam, key, keyMessage, NOW);
    }

    @ParameterizedTest
    @EnumSource(Team.class)
    void aTouchThatBreaksNoRuleHasNoConflict(Team team) {
        assertNull(RULES.conflict(touch(team, false, NOW.minus(Duration.ofHours(25)), "Close in a day",
                "Close in a day")));
    }

    @Test
    void marketingTouchingALeadSalesAcceptedConflicts() {
        assertEquals("marketing touched a lead that sales has accepted",
                RULES.conflict(touch(Team.MARKETING, true, null, null, null)));
    }

    @Test
    void salesTouchingTheirAcceptedLeadDoesNotConflict() {
        assertNull(RULES.conflict(touch(Team.SALES, true, null, null, null)));
    }

    @ParameterizedTest
    @CsvSource({ "0,true", "3600,true", "86400,true", "86401,false" })
    void touchesByBothTeamsWithinTheWindowConflict(long secondsSinceOtherTeam, boolean conflict) {
        String reason = RULES.conflict(touch(Team.SALES, false, NOW.minusSeconds(secondsSinceOtherTeam), null, null));

        assertEquals(conflict, reason != null, String.valueOf(reason));
        if (conflict) {
            assertTrue(reason.startsWith("marketing touched this lead at "), reason);
            assertTrue(reason.endsWith("within the 24h touch window"), reason);
        }
    }

    @Test
    void theWindowIsConfigurable() {
        ConflictRules shortWindow = new ConflictRules(Duration.ofMinutes(90));

        assertNull(shortWindow.conflict(touch(Team.MARKETING, false, NOW.minus(Duration.ofHours(2)), null, null)));
        assertTrue(shortWindow.conflict(touch(Team.MARKETING, false, NOW.minus(Duration.ofHours(1)), null, null))
                .contains("sales touched this lead at 2026-03-02T11:00:00Z, within the 90m touch window"));
    }

    @ParameterizedTest
    @CsvSource(value = { "Close in a day|Close in a day|false", "close IN a day |Close in a day|false",
            "Save money|Close in a day|true", "Save money|null|false", "null|Close in a day|false",
            "' '|Close in a day|false" }, delimiter = '|', nullValues = "null")
    void aMessageKeyOtherThanTheCampaignsKeyMessageConflicts(String key, String keyMessage, boolean conflict) {
        String reason = RULES.conflict(touch(Team.MARKETING, false, null, key, keyMessage));

        assertEquals(conflict, reason != null, String.valueOf(reason));
        if (conflict) {
            assertEquals("message key 'Save money' differs from the campaign's key message 'Close in a day'", reason);
        }
    }

    @Test
    void everyReasonIsListedWhenSeveralRulesBreak() {
        String reason = RULES.conflict(touch(Team.MARKETING, true, NOW.minusSeconds(60), "Other", "Key"));

        assertEquals(3, reason.split("; ").length, reason);
    }

    @Test
    void aWindowMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ConflictRules(Duration.ZERO));
    }

    @Test
    void windowsReadAsPeopleWriteThem() {
        assertEquals("24h", ConflictRules.human(Duration.ofHours(24)));
        assertEquals("90m", ConflictRules.human(Duration.ofMinutes(90)));
        assertEquals("45s", ConflictRules.human(Duration.ofSeconds(45)));
    }
}
