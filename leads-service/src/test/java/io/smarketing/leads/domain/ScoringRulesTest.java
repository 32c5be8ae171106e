package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadStage;

class ScoringRulesTest {

    /** Distinct powers of two, so every score names exactly the rules that fired. */
    private static final ScoringRules RULES = new ScoringRules(Map.of(Channel.REFERRAL, 64, Channel.WEB, 1), 2, 4, 8,
            Set.of("CEO", "vice president", "vp"), 16, 32, 0, Set.of(), 60);

    private static Lead.NewLead lead(Channel channel, String company, String title, String phone, UUID campaign,
            String email) {
        return new Lead.NewLead(email, "Ann", company, title, phone, campaign, channel);
    }

    @Test
    void eachPieceOfKnowledgeAddsItsPoints() {
        assertEquals(1, RULES.score(lead(Channel.WEB, null, null, null, null, "a@b.com")));
        assertEquals(1 + 2, RULES.score(lead(Channel.WEB, "Acme", null, null, null, "a@b.com")));
        assertEquals(1 + 4, RULES.score(lead(Channel.WEB, null, "Engineer", null, null, "a@b.com")));
        assertEquals(1 + 16, RULES.score(lead(Channel.WEB, null, null, "+81 3 1234", null, "a@b.com")));
        assertEquals(1 + 32, RULES.score(lead(Channel.WEB, null, null, null, UUID.randomUUID(), "a@b.com")));
    }

    @Test
    void aChannelWithoutConfiguredPointsScoresZero() {
        assertEquals(0, RULES.score(lead(Channel.SOCIAL, null, null, null, null, "a@b.com")));
    }

    @ParameterizedTest
    @CsvSource({ "CEO,true", "Chief of staff,false", "VP Sales,true", "Sales VP,true", "MVP engineer,false",
            "Vice President Marketing,true", "vice-president,true", "President,false", "ceo & founder,true" })
    void aSeniorTitleMatchesWholeWordsIgnoringCase(String title, boolean senior) {
        int score = RULES.score(lead(Channel.WEB, null, title, null, null, "a@b.com"));

        assertEquals(1 + 4 + (senior ? 8 : 0), score, title);
    }

    @Test
    void aBusinessEmailScoresAndAFreeMailDomainDoesNot() {
        ScoringRules rules = new ScoringRules(Map.of(), 0, 0, 0, Set.of(), 0, 0, 10, Set.of("Gmail.com"), 60);

        assertEquals(10, rules.score(lead(Channel.WEB, null, null, null, null, "ann@acme.co.jp")));
        assertEquals(0, rules.score(lead(Channel.WEB, null, null, null, null, "ann@GMAIL.com")));
        assertEquals(0, rules.score(lead(Channel.WEB, null, null, null, null, "not-an-address")));
    }

    @Test
    void theScoreIsCappedAt100() {
        ScoringRules generous = new ScoringRules(Map.of(Channel.REFERRAL, 90), 50, 50, 50, Set.of("ceo"), 50, 50, 50,
                Set.of(), 60);

        assertEquals(100, generous.score(lead(Channel.REFERRAL, "Acme", "CEO", "123", UUID.randomUUID(), "a@acme.com")));
    }

    @ParameterizedTest
    @CsvSource({ "59,NEW", "60,MQL", "61,MQL", "0,NEW", "100,MQL" })
    void theThresholdItselfMakesAnMql(int score, LeadStage stage) {
        assertEquals(stage, RULES.stageFor(score));
    }

    @Test
    void aThresholdOutside0To100OrNegativePointsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ScoringRules(Map.of(), 0, 0, 0, Set.of(), 0, 0, 0, Set.of(), 101));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoringRules(Map.of(Channel.WEB, -1), 0, 0, 0, Set.of(), 0, 0, 0, Set.of(), 60));
        assertThrows(IllegalArgumentException.class,
                () -> new ScoringRules(Map.of(), -5, 0, 0, Set.of(), 0, 0, 0, Set.of(), 60));
    }
}
