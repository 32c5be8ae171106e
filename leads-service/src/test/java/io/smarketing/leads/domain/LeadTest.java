package io.smarketing.leads.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.ActivityKind;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.LossReason;
import io.smarketing.events.Team;
import io.smarketing.events.RejectionReason;

class LeadTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration FOLLOW_UP = Duration.ofHours(24);
    private static final UUID CAMPAIGN = UUID.randomUUID();
    /** WEB scores 10 (NEW), REFERRAL 70 (MQL at once); nothing else counts. */
    private static final ScoringRules RULES = new ScoringRules(Map.of(Channel.WEB, 10, Channel.REFERRAL, 70), 0, 0, 0,
            Set.of(), 0, 0, 0, Set.of(), 60);
    private static final ConflictRules CONFLICTS = new ConflictRules(Duration.ofHours(24));
    private static final String REP = "sam";
    private static final AssignmentRules ASSIGNMENT = new AssignmentRules(Set.of(REP, "kim"), FOLLOW_UP);
    static final EngagementRules ENGAGEMENT = new EngagementRules(Map.of(ActivityKind.EVENT_ATTENDED, 20,
            ActivityKind.EMAIL_OPENED, 2), Duration.ofDays(10));

    static Lead newLead() {
        return Lead.capture(details(Channel.WEB), RULES, "mia", T0).lead();
    }

    static Lead mql() {
        return Lead.capture(details(Channel.REFERRAL), RULES, "mia", T0).lead();
    }

    static Lead assigned() {
        Lead lead = mql();
        lead.assign(REP, Team.MARKETING, ASSIGNMENT, "mia", T0.plusSeconds(60));
        return lead;
    }

    static Lead sql() {
        Lead lead = assigned();
        lead.accept(REP, T0.plusSeconds(120));
        return lead;
    }

    static Lead rejected() {
        Lead lead = assigned();
        lead.reject(RejectionReason.NOT_READY, null, REP, T0.plusSeconds(120));
        return lead;
    }

    static Lead won() {
        Lead lead = sql();
        lead.win(new BigDecimal("1000"), "JPY", REP, T0.plusSeconds(180));
        return lead;
    }

    static Lead lost() {
        Lead lead = sql();
        lead.lose(LossReason.PRICE, null, REP, T0.plusSeconds(180));
        return lead;
    }

    private static Lead.NewLead details(Channel channel) {
        return new Lead.NewLead(" Ann@Example.com ", " Ann Lee ", " ", "CFO", null, CAMPAIGN, channel);
    }

    /** Performs an action as the rep who owns the lead, so that only the state can forbid it. */
    private static void perform(Lead lead, LeadAction action) {
        Instant at = T0.plusSeconds(3600);
        switch (action) {
            case QUALIFY -> lead.qualify("mia", ENGAGEMENT, at);
            case ASSIGN -> lead.assign("kim", Team.MARKETING, ASSIGNMENT, "mia", at);
            case ACCEPT -> lead.accept(REP, at);
            case REJECT -> lead.reject(RejectionReason.NOT_A_FIT, "no", REP, at);
            case WIN -> lead.win(BigDecimal.TEN, "JPY", REP, at);
            case LOSE -> lead.lose(LossReason.TIMING, "later", REP, at);
        }
    }

    static List<Arguments> forbiddenTransitions() {
        Map<String, Supplier<Lead>> states = Map.of("NEW", LeadTest::newLead, "MQL", LeadTest::mql,
                "MQL+owner", LeadTest::assigned, "SQL", LeadTest::sql, "REJECTED", LeadTest::rejected,
                "WON", LeadTest::won, "LOST", LeadTest::lost);
        List<Arguments> cases = new ArrayList<>();
        states.forEach((name, state) -> {
            for (LeadAction action : LeadAction.values()) {
                Lead lead = state.get();
                if (LeadLifecycle.next(lead.stage(), lead.isAssigned(), action).isEmpty()) {
                    cases.add(Arguments.of(Named.of(name + "/" + action, state), action));
                }
            }
        });
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenTransitions")
    void aForbiddenTransitionIsAConflictAndChangesNothing(Supplier<Lead> state, LeadAction action) {
        Lead lead = state.get();
        List<Object> before = snapshot(lead);

        ProblemException problem = assertThrows(ProblemException.class, () -> perform(lead, action));

        assertEquals(409, problem.status());
        assertEquals(before, snapshot(lead));
    }

    @Test
    void theForbiddenCasesAreAllThatTheTableDoesNotAllow() {
        assertEquals(7 * 6 - 8, forbiddenTransitions().size());
    }

    @Test
    void aLeadScoringBelowTheThresholdStartsNewWithTrimmedDetails() {
        Lead.Capture capture = Lead.capture(details(Channel.WEB), RULES, "mia", T0);

        assertEquals(LeadStage.NEW, capture.lead().stage());
        assertEquals(10, capture.lead().score());
        assertEquals("Ann@Example.com", capture.lead().email());
        assertEquals("Ann Lee", capture.lead().name());
        assertNull(capture.lead().company(), "a blank company is no company");
        LeadCreated event = capture.event();
        assertEquals(capture.lead().id(), event.leadId());
        assertEquals(LeadStage.NEW, event.stage());
        assertEquals(CAMPAIGN, event.campaignId());
        assertEquals("mia", event.by());
    }

    @Test
    void aLeadScoringAtTheThresholdIsAnMqlFromTheStart() {
        Lead.Capture capture = Lead.capture(details(Channel.REFERRAL), RULES, "mia", T0);

        assertEquals(LeadStage.MQL, capture.lead().stage());
        assertEquals(LeadStage.MQL, capture.event().stage());
        assertEquals(70, capture.event().score());
    }

    @Test
    void qualifyingANewLeadMakesItAnMql() {
        Lead lead = newLead();

        LeadQualified event = lead.qualify("mia", ENGAGEMENT, T0.plusSeconds(5));

        assertEquals(LeadStage.MQL, lead.stage());
        assertEquals(LeadStage.MQL, event.stage());
        assertEquals(10, event.score());
        assertEquals(T0.plusSeconds(5), lead.updatedAt());
    }

    @Test
    void assigningSetsTheOwnerAndTheSlaDeadline() {
        Lead lead = mql();

        LeadAssigned event = lead.assign(REP, Team.MARKETING, ASSIGNMENT, "mia", T0.plusSeconds(60));

        assertEquals(REP, lead.ownerId());
        assertEquals(T0.plusSeconds(60).plus(FOLLOW_UP), lead.slaDueAt());
        assertEquals(lead.slaDueAt(), event.slaDueAt());
        assertEquals(REP, event.ownerId());
        assertEquals(LeadStage.MQL, event.stage());
    }

    @Test
    void reassigningKeepsTheDeadlineOfTheSlaCycleAndItsBreach() {
        Lead lead = assigned();
        Instant due = lead.slaDueAt();

        LeadAssigned event = lead.assign("kim", Team.MARKETING, ASSIGNMENT, "mia", due.plusSeconds(600));
        lead.assign(REP, Team.MARKETING, ASSIGNMENT, "mia", due.plusSeconds(700));

        assertEquals(REP, lead.ownerId());
        assertEquals(due, lead.slaDueAt());
        assertEquals(due, event.slaDueAt());
        assertFalse(lead.accept(REP, due.plusSeconds(800)).withinSla());
    }

    @Test
    void aNewSlaCycleAfterReQualifyingHasItsOwnDeadline() {
        Lead lead = rejected();
        lead.qualify("mia", ENGAGEMENT, T0.plusSeconds(900));

        lead.assign("kim", Team.MARKETING, ASSIGNMENT, "mia", T0.plusSeconds(1000));

        assertEquals(T0.plusSeconds(1000).plus(FOLLOW_UP), lead.slaDueAt());
    }

    /** Who may assign: the acting team, whether the MQL has an owner, and to whom → the outcome. */
    static List<Arguments> whoMayAssign() {
        return List.of(
                Arguments.of(Team.MARKETING, false, "sam", 0),
                Arguments.of(Team.MARKETING, true, "kim", 0),
                Arguments.of(Team.SALES, false, "by-self", 0),
                Arguments.of(Team.SALES, false, REP, 403),
                Arguments.of(Team.SALES, true, "by-self", 403),
                Arguments.of(Team.SALES, true, REP, 403),
                Arguments.of(Team.MARKETING, false, "mallory", 422),
                Arguments.of(Team.MARKETING, true, REP, 409));
    }

    @ParameterizedTest(name = "{0}, owned {1}, to {2} → {3}")
    @MethodSource("whoMayAssign")
    void onlyMarketingReassignsAndSalesOnlyTakesAnUnownedLeadForThemselves(Team team, boolean owned, String to,
            int expected) {
        Lead lead = owned ? assigned() : mql();
        String by = team == Team.SALES ? "kim" : "mia";
        String owner = to.equals("by-self") ? by : to;
        List<Object> before = snapshot(lead);
        if (expected == 0) {
            lead.assign(owner, team, ASSIGNMENT, by, T0.plusSeconds(300));
            assertEquals(owner, lead.ownerId());
            return;
        }
        ProblemException problem = assertThrows(ProblemException.class,
                () -> lead.assign(owner, team, ASSIGNMENT, by, T0.plusSeconds(300)));
        assertEquals(expected, problem.status());
        assertEquals(before, snapshot(lead));
    }

    @Test
    void theSalesTeamNamesUsersOrPrefixes() {
        AssignmentRules rules = new AssignmentRules(Set.of("sam", "sales-*"), FOLLOW_UP);
        assertTrue(rules.isSalesUser("sam"));
        assertTrue(rules.isSalesUser("sales-ann"));
        assertFalse(rules.isSalesUser("sales"));
        assertFalse(rules.isSalesUser("samuel"));
        assertFalse(rules.isSalesUser("mia"));
    }

    @Test
    void acceptingBeforeTheDeadlineMeetsTheSla() {
        Lead lead = assigned();

        LeadAccepted event = lead.accept(REP, lead.slaDueAt().minusSeconds(1));

        assertEquals(LeadStage.SQL, lead.stage());
        assertTrue(event.withinSla());
        assertEquals(lead.slaDueAt().minusSeconds(1), event.respondedAt());
        assertEquals(REP, event.ownerId());
    }

    @Test
    void acceptingExactlyAtTheDeadlineStillMeetsTheSla() {
        Lead lead = assigned();

        assertTrue(lead.accept(REP, lead.slaDueAt()).withinSla());
    }

    @Test
    void rejectingAfterTheDeadlineMissesTheSla() {
        Lead lead = assigned();

        LeadRejected event = lead.reject(RejectionReason.NO_BUDGET, "next year", REP, lead.slaDueAt().plusMillis(1));

        assertEquals(LeadStage.REJECTED, lead.stage());
        assertFalse(event.withinSla());
        assertFalse(lead.withinSla());
        assertEquals(RejectionReason.NO_BUDGET, lead.rejectionReason());
        assertEquals("next year", event.note());
    }

    @Test
    void reQualifyingARejectedLeadPutsItBackUnassigned() {
        Lead lead = rejected();

        LeadQualified event = lead.qualify("mia", ENGAGEMENT, T0.plusSeconds(900));

        assertEquals(LeadStage.MQL, event.stage());
        assertFalse(lead.isAssigned());
        assertNull(lead.slaDueAt());
        assertNull(lead.withinSla());
        assertNull(lead.rejectionReason());
    }

    @Test
    void winningRecordsTheAmountAndCurrency() {
        Lead lead = sql();

        LeadWon event = lead.win(new BigDecimal("1200000"), "JPY", REP, T0.plusSeconds(999));

        assertEquals(LeadStage.WON, lead.stage());
        assertEquals(new BigDecimal("1200000"), event.amount());
        assertEquals("JPY", event.currency());
        assertEquals(T0.plusSeconds(999), lead.closedAt());
    }

    @Test
    void aWinWithoutAPositiveAmountBreaksARuleAndChangesNothing() {
        Lead lead = sql();

        ProblemException problem = assertThrows(ProblemException.class,
                () -> lead.win(BigDecimal.ZERO, "JPY", REP, T0.plusSeconds(999)));

        assertEquals(422, problem.status());
        assertEquals(LeadStage.SQL, lead.stage());
    }

    @Test
    void onlyTheOwnerMayDecideAndOthersChangeNothing() {
        for (LeadAction action : List.of(LeadAction.ACCEPT, LeadAction.REJECT)) {
            Lead lead = assigned();
            List<Object> before = snapshot(lead);
            ProblemException problem = assertThrows(ProblemException.class, () -> performAs(lead, action, "kim"));
            assertEquals(403, problem.status(), action.name());
            assertEquals(before, snapshot(lead));
        }
        for (LeadAction action : List.of(LeadAction.WIN, LeadAction.LOSE)) {
            Lead lead = sql();
            List<Object> before = snapshot(lead);
            ProblemException problem = assertThrows(ProblemException.class, () -> performAs(lead, action, "kim"));
            assertEquals(403, problem.status(), action.name());
            assertEquals(before, snapshot(lead));
        }
    }

    @Test
    void acceptingAnMqlNobodyOwnsIsAConflict() {
        ProblemException problem = assertThrows(ProblemException.class, () -> mql().accept(REP, T0));

        assertEquals(409, problem.status());
    }

    @Test
    void aSalesTouchByAnyoneButTheOwnerIsForbidden() {
        Lead lead = assigned();

        ProblemException problem = assertThrows(ProblemException.class, () -> lead.touch(email("Hi"), Team.SALES,
                CONFLICTS, null, null, "kim", T0.plusSeconds(300)));

        assertEquals(403, problem.status());
    }

    @Test
    void aTouchCarriesTheLeadsSourceCampaignAndItsOwnCampaign() {
        Lead lead = assigned();
        UUID other = UUID.randomUUID();

        Lead.Touched touched = lead.touch(new Touch.NewTouch(Channel.EMAIL, " Follow-up ", " Close faster ", other),
                Team.SALES, CONFLICTS, null, "Close faster", REP, T0.plusSeconds(300));

        LeadTouched event = touched.event();
        assertEquals(CAMPAIGN, event.campaignId());
        assertEquals(other, event.touchCampaignId());
        assertEquals("Follow-up", event.touchSubject());
        assertEquals("Close faster", event.messageKey());
        assertEquals(Team.SALES, event.team());
        assertEquals(touched.touch().id(), event.touchId());
        assertNull(event.conflict());
        assertEquals(LeadStage.MQL, event.stage());
    }

    @Test
    void aMarketingTouchOnAnAcceptedLeadIsRecordedWithAConflict() {
        Lead lead = sql();

        Lead.Touched touched = lead.touch(email("Newsletter"), Team.MARKETING, CONFLICTS, null, null, "mia",
                T0.plusSeconds(300));

        assertEquals("marketing touched a lead that sales has accepted", touched.event().conflict());
        assertEquals(touched.event().conflict(), touched.touch().conflict());
        assertFalse(touched.touch().submission());
    }

    @Test
    void aRepeatedSubmissionIsAMarketingTouchWithoutConflictEvenOnAnAcceptedLead() {
        Lead lead = sql();
        UUID campaign = UUID.randomUUID();

        Lead.Touched touched = lead.resubmitted(new Lead.NewLead("ann@example.com", "Ann", null, null, null, campaign,
                Channel.EVENT), "mia", T0.plusSeconds(400));

        assertTrue(touched.touch().submission());
        assertEquals(Team.MARKETING, touched.event().team());
        assertEquals(Channel.EVENT, touched.event().channel());
        assertEquals(campaign, touched.event().touchCampaignId());
        assertNull(touched.event().conflict());
        assertEquals(LeadStage.SQL, touched.event().stage());
    }

    private static Touch.NewTouch email(String subject) {
        return new Touch.NewTouch(Channel.EMAIL, subject, null, null);
    }

    private static void performAs(Lead lead, LeadAction action, String user) {
        Instant at = T0.plusSeconds(3600);
        switch (action) {
            case ACCEPT -> lead.accept(user, at);
            case REJECT -> lead.reject(RejectionReason.OTHER, null, user, at);
            case WIN -> lead.win(BigDecimal.ONE, "JPY", user, at);
            case LOSE -> lead.lose(LossReason.OTHER, null, user, at);
            default -> throw new IllegalArgumentException(action.name());
        }
    }

    private static List<Object> snapshot(Lead lead) {
        return Arrays.asList(lead.stage(), lead.ownerId(), lead.slaDueAt(), lead.respondedAt(), lead.withinSla(),
                lead.acceptedAt(), lead.rejectionReason(), lead.lossReason(), lead.amount(), lead.currency(),
                lead.closedAt(), lead.updatedAt());
    }

    @Test
    void theRouterGivesAnUnownedMqlAndTheHandoffSaysSinceWhenItWaited() {
        Lead lead = mql();
        UUID rule = UUID.randomUUID();
        LeadAssigned routed = lead.route(REP, rule, ASSIGNMENT, T0.plusSeconds(4));
        assertEquals(Lead.ROUTER, routed.by());
        assertEquals(rule, routed.routingRuleId());
        assertEquals(T0, routed.mqlAt(), "captured as an MQL at T0");
        assertEquals(T0.plusSeconds(4).plus(FOLLOW_UP), routed.slaDueAt());
        LeadAssigned reassigned = lead.assign("kim", Team.MARKETING, ASSIGNMENT, "mia", T0.plusSeconds(60));
        assertNull(reassigned.mqlAt(), "a reassignment is no handoff");
        assertNull(reassigned.routingRuleId());
        ProblemException owned = assertThrows(ProblemException.class,
                () -> lead.route("sam", rule, ASSIGNMENT, T0.plusSeconds(70)));
        assertEquals(409, owned.status());
        assertEquals("kim", lead.ownerId());
    }

    @Test
    void aReQualifiedLeadsHandoffStartsAtTheReQualification() {
        Lead lead = mql();
        lead.assign(REP, Team.MARKETING, ASSIGNMENT, "mia", T0.plusSeconds(10));
        lead.reject(RejectionReason.NOT_READY, null, REP, T0.plusSeconds(20));
        lead.qualify("mia", ENGAGEMENT, T0.plusSeconds(100));
        assertEquals(T0.plusSeconds(100), lead.route("kim", UUID.randomUUID(), ASSIGNMENT, T0.plusSeconds(103)).mqlAt());
    }

    @Test
    void activityRaisesTheScoreAndCrossingTheThresholdQualifiesANewLead() {
        Lead lead = newLead(); // fit 10
        Lead.Engaged opened = lead.engage(ActivityKind.EMAIL_OPENED, "x-1", T0, 2, ENGAGEMENT, 60, "tool", T0);
        assertEquals(12, opened.scored().score());
        assertEquals(10, opened.scored().previousScore());
        assertNull(opened.qualified());
        lead.engage(ActivityKind.EVENT_ATTENDED, "x-2", T0, 20, ENGAGEMENT, 60, "tool", T0);
        Lead.Engaged third = lead.engage(ActivityKind.EVENT_ATTENDED, "x-3", T0, 20, ENGAGEMENT, 60, "tool", T0);
        assertNull(third.qualified(), "52 < 60");
        Lead.Engaged crossing = lead.engage(ActivityKind.EVENT_ATTENDED, "x-4", T0, 20, ENGAGEMENT, 60, "tool", T0);
        assertEquals(72, crossing.scored().score());
        assertEquals(LeadStage.NEW, crossing.scored().stage(), "the score event comes first, then the qualification");
        assertEquals(Lead.SCORING, crossing.qualified().by());
        assertEquals(72, crossing.qualified().score());
        assertEquals(LeadStage.MQL, lead.stage());
        assertEquals(T0, lead.mqlAt());
    }

    @Test
    void engagementDecaysWithTheHalfLifeWhetherTheActivityIsOldOrTheScoreIsReadLater() {
        Lead lead = newLead();
        lead.engage(ActivityKind.EVENT_ATTENDED, "old", T0.minus(Duration.ofDays(10)), 20, ENGAGEMENT, 60, "tool", T0);
        assertEquals(10, lead.engagementScore(ENGAGEMENT, T0), "attended ten days (one half-life) ago");
        assertEquals(5, lead.engagementScore(ENGAGEMENT, T0.plus(Duration.ofDays(10))));
        assertEquals(15, lead.score(ENGAGEMENT, T0.plus(Duration.ofDays(10))), "fit 10 + 5");
        assertEquals(10, lead.engagementScore(ENGAGEMENT, T0.minusSeconds(60)), "an earlier clock never adds points");
    }

    @Test
    void aRejectedLeadIsNotReQualifiedByEngagementAndAnMqlStaysAnMql() {
        Lead rejected = mql();
        rejected.assign(REP, Team.MARKETING, ASSIGNMENT, "mia", T0.plusSeconds(10));
        rejected.reject(RejectionReason.NOT_A_FIT, null, REP, T0.plusSeconds(20));
        assertNull(rejected.engage(ActivityKind.REPLIED, "r", T0, 20, ENGAGEMENT, 60, "tool", T0.plusSeconds(30))
                .qualified());
        assertEquals(LeadStage.REJECTED, rejected.stage());
        Lead mql = mql();
        assertNull(mql.engage(ActivityKind.REPLIED, "m", T0, 20, ENGAGEMENT, 60, "tool", T0).qualified());
    }
}
