package io.smarketing.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.smarketing.events.Channel;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.local.DemoPlan.Fate;
import io.smarketing.local.DemoPlan.LeadSpec;
import io.smarketing.local.DemoPlan.Person;
import io.smarketing.local.DemoPlan.Step;
import io.smarketing.local.DemoPlan.TouchPlan;

class DemoPlanTest {

    private final DemoPlan plan = DemoPlan.generate(DemoData.SEED);

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        assertEquals(plan.leads, DemoPlan.generate(DemoData.SEED).leads);
        assertEquals(plan.resubmissions, DemoPlan.generate(DemoData.SEED).resubmissions);
        assertNotEquals(plan.leads, DemoPlan.generate(DemoData.SEED + 1).leads);
    }

    @Test
    void everyCampaignBringsItsLeadsAndSomeComeWithoutOne() {
        for (DemoPlan.CampaignSpec campaign : DemoPlan.CAMPAIGNS) {
            assertEquals(campaign.leads(), plan.leadsOf(campaign).size(), campaign.name());
        }
        assertEquals(DemoPlan.UNSOURCED_LEADS, plan.leadsOf(null).size());
        assertEquals(300, plan.leads.size());
    }

    @Test
    void everyPersonHasTheirOwnAddressAndResubmissionsReuseOne() {
        Set<String> emails = plan.leads.stream().map(lead -> lead.person().email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertEquals(plan.leads.size(), emails.size());
        assertFalse(plan.resubmissions.isEmpty());
        for (DemoPlan.Resubmission again : plan.resubmissions) {
            assertTrue(plan.leads.contains(again.lead()));
            assertNotEquals(again.lead().campaign(), again.campaign(), "a resubmission comes through another campaign");
        }
    }

    @Test
    void peopleAreJapaneseAndEnglishWithStrongAndWeakProfiles() {
        List<Person> people = plan.leads.stream().map(LeadSpec::person).toList();
        assertTrue(people.stream().anyMatch(person -> person.name().codePoints().anyMatch(c -> c > 0x3000)), "kanji");
        assertTrue(people.stream().anyMatch(person -> person.name().matches("[A-Za-z' ]+")), "latin");
        assertTrue(people.stream().anyMatch(person -> person.company() == null && person.title() == null),
                "weak leads without company or title (scored NEW)");
        assertTrue(people.stream().anyMatch(person -> person.title() != null && person.phone() != null
                && DemoPlan.SENIOR_TITLES.contains(person.title())), "strong leads with a senior title");
        assertTrue(people.stream().allMatch(person -> person.email().matches("[a-z0-9.]+@[a-z0-9.-]+\\.[a-z]+")));
        assertTrue(people.stream().allMatch(person -> person.phone() == null
                || person.phone().matches("[0-9+()./ x-]*")), "phones pass leads-service's syntax");
    }

    @Test
    void theJourneysReachEveryEndAndEveryReason() {
        Set<Fate> fates = plan.leads.stream().map(lead -> lead.journey().fate()).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Fate.class), fates);
        Set<String> reps = plan.leads.stream().map(lead -> lead.journey().rep()).collect(Collectors.toSet());
        assertEquals(Set.of("sam", "sally", "sota"), reps);
        Set<RejectionReason> rejections = plan.leads.stream().filter(lead -> lead.journey().fate() == Fate.REJECTED)
                .map(lead -> lead.journey().rejection()).collect(Collectors.toSet());
        assertTrue(rejections.size() >= 4, "varied rejection reasons: " + rejections);
        Set<LossReason> losses = plan.leads.stream().filter(lead -> lead.journey().fate() == Fate.LOST)
                .map(lead -> lead.journey().loss()).collect(Collectors.toSet());
        assertTrue(losses.size() >= 3, "varied loss reasons: " + losses);
        assertTrue(plan.leads.stream().allMatch(lead -> lead.journey().amount() >= 300_000
                && lead.journey().amount() <= 3_000_000 && lead.journey().amount() % 10_000 == 0));
    }

    @Test
    void sevenLeadsAreMeantToConflictAndAllComeFromACampaign() {
        Map<TouchPlan, Long> conflicts = plan.leads.stream()
                .filter(lead -> Set.of(TouchPlan.MARKETING_AFTER_ACCEPT, TouchPlan.OFF_MESSAGE, TouchPlan.BOTH_TEAMS)
                        .contains(lead.journey().touch()))
                .peek(lead -> assertTrue(lead.campaign() != null && lead.journey().qualifyIfNew()))
                .collect(Collectors.groupingBy(lead -> lead.journey().touch(), Collectors.counting()));
        assertEquals(Map.of(TouchPlan.MARKETING_AFTER_ACCEPT, 3L, TouchPlan.OFF_MESSAGE, 2L, TouchPlan.BOTH_TEAMS, 2L),
                conflicts);
    }

    @Test
    void aNewLeadThatIsNotQualifiedStaysNewWithAtMostANurtureTouch() {
        LeadSpec lead = find(spec -> !spec.journey().qualifyIfNew() && spec.journey().touch() == TouchPlan.NURTURE);
        List<Step> steps = lead.steps(UUID.randomUUID(), true, UUID.randomUUID());
        assertEquals(List.of(Step.Kind.TOUCH), kinds(steps));
        assertEquals("marketing", steps.get(0).as().role());
    }

    @Test
    void aWonLeadIsQualifiedAssignedAcceptedWonAndRatedByItsRep() {
        LeadSpec lead = find(spec -> spec.journey().fate() == Fate.WON && spec.journey().qualifyIfNew()
                && spec.journey().csat() != null && spec.journey().touch() == TouchPlan.NONE && spec.campaign() != null);
        UUID leadId = UUID.randomUUID();
        UUID campaignId = UUID.randomUUID();
        List<Step> steps = lead.steps(leadId, true, campaignId);
        assertEquals(List.of(Step.Kind.QUALIFY, Step.Kind.ASSIGN, Step.Kind.ACCEPT, Step.Kind.WIN, Step.Kind.CSAT),
                kinds(steps));
        assertEquals(lead.journey().rep(), steps.get(1).body().get("ownerId"));
        String rep = lead.journey().rep();
        steps.subList(2, 5).forEach(step -> assertEquals(new DemoPlan.As("sales", rep), step.as(), step.kind().name()));
        assertEquals(Map.of("leadId", leadId, "campaignId", campaignId, "score", lead.journey().csat()),
                withoutComment(steps.get(4).body()));
        // captured as an MQL already: no qualify
        assertEquals(Step.Kind.ASSIGN, lead.steps(leadId, false, campaignId).get(0).kind());
    }

    @Test
    void aRejectedLeadCarriesItsReasonAndANote() {
        LeadSpec lead = find(spec -> spec.journey().fate() == Fate.REJECTED);
        List<Step> steps = lead.steps(UUID.randomUUID(), false, null);
        Step reject = steps.get(steps.size() - 1);
        assertEquals(Step.Kind.REJECT, reject.kind());
        assertEquals(lead.journey().rejection(), reject.body().get("reason"));
        assertTrue(reject.body().get("note") instanceof String);
    }

    @Test
    void bothTeamsTouchingALeadPutsTheMarketingTouchBeforeTheSalesOne() {
        LeadSpec lead = find(spec -> spec.journey().touch() == TouchPlan.BOTH_TEAMS);
        List<Step> touches = lead.steps(UUID.randomUUID(), false, UUID.randomUUID()).stream()
                .filter(step -> step.kind() == Step.Kind.TOUCH).toList();
        assertEquals(List.of("marketing", "sales"), touches.stream().map(step -> step.as().role()).toList());
    }

    @Test
    void anOffMessageTouchUsesAnotherMessageThanTheCampaigns() {
        LeadSpec lead = find(spec -> spec.journey().touch() == TouchPlan.OFF_MESSAGE);
        Step touch = lead.steps(UUID.randomUUID(), false, UUID.randomUUID()).stream()
                .filter(step -> step.kind() == Step.Kind.TOUCH).findFirst().orElseThrow();
        assertNotEquals(lead.campaign().keyMessage(), touch.body().get("messageKey"));
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("", DemoPlan.csvField(null));
        assertEquals("佐藤 健", DemoPlan.csvField("佐藤 健"));
        assertEquals("\"Hoshino Precision Co., Ltd.\"", DemoPlan.csvField("Hoshino Precision Co., Ltd."));
        assertEquals("\"The \"\"best\"\" one\"", DemoPlan.csvField("The \"best\" one"));
        UUID campaign = UUID.fromString("00000000-0000-0000-0000-000000000001");
        assertEquals("ann@a.example,Ann,\"A, Inc.\",,,00000000-0000-0000-0000-000000000001,WEB",
                DemoPlan.csvLine(new Person("ann@a.example", "Ann", "A, Inc.", null, null), Channel.WEB, campaign));
    }

    @Test
    void topReasonsAreTheMostFrequentFirstWithTiesByName() {
        assertEquals(List.of("PRICE=3", "COMPETITOR=2", "TIMING=2"), DemoPlan.topReasons(List.of(LossReason.TIMING,
                LossReason.PRICE, LossReason.COMPETITOR, LossReason.PRICE, LossReason.TIMING, LossReason.PRICE,
                LossReason.COMPETITOR, LossReason.NO_DECISION), 3));
        assertEquals(List.of(), DemoPlan.topReasons(List.<LossReason> of(), 3));
    }

    @Test
    void theQuarterRunsFromItsFirstToItsLastDay() {
        assertEquals(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)),
                List.of(DemoPlan.quarterOf(LocalDate.of(2026, 11, 26))));
        assertEquals(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                List.of(DemoPlan.quarterOf(LocalDate.of(2026, 1, 1))));
        assertEquals(List.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30)),
                List.of(DemoPlan.quarterOf(LocalDate.of(2024, 6, 30))));
    }

    @Test
    void jsonFieldsLeaveOutWhatIsNull() {
        assertEquals(List.of("a", "c"), List.copyOf(DemoPlan.fields("a", 1, "b", null, "c", "x").keySet()));
    }

    @Test
    void engagedProspectsDoEnoughForAnMqlAndWarmingOnesALittleEachActivityOnce() {
        List<String> emails = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "p" + i + "@x.example").toList();
        List<Map<String, Object>> activities = DemoPlan.activities(emails, java.time.Instant.parse("2026-12-01T09:00:00Z"));
        assertEquals(DemoPlan.ENGAGED_LEADS * DemoPlan.ENGAGED.size() + DemoPlan.WARMING_LEADS * DemoPlan.WARMING.size(),
                activities.size());
        assertEquals(activities.size(), activities.stream().map(a -> a.get("externalId")).distinct().count());
        assertEquals(Set.of(emails.subList(0, DemoPlan.ENGAGED_LEADS + DemoPlan.WARMING_LEADS).toArray()),
                activities.stream().map(a -> a.get("email")).collect(Collectors.toSet()));
        assertEquals(activities, DemoPlan.activities(emails, java.time.Instant.parse("2026-12-01T09:00:00Z")));
        assertEquals(DemoPlan.ENGAGED.size(), DemoPlan.activities(List.of("only@x.example"), java.time.Instant.now())
                .size(), "a single NEW lead is an engaged one");
    }

    @Test
    void routingHasOneDefaultRuleAndTheAwayRepIsInAPool() {
        assertEquals(1, DemoPlan.ROUTING.stream().filter(DemoPlan.RuleSpec::defaultRule).count());
        assertTrue(DemoPlan.ROUTING.stream().flatMap(r -> r.reps().stream())
                .anyMatch(seat -> seat.repId().equals(DemoPlan.AWAY_REP)));
        assertTrue(DemoPlan.ROUTING.stream().filter(r -> !r.defaultRule())
                .allMatch(r -> r.campaign() != null || r.channel() != null));
    }

    private LeadSpec find(java.util.function.Predicate<LeadSpec> wanted) {
        return plan.leads.stream().filter(wanted).findFirst().orElseThrow();
    }

    private static List<Step.Kind> kinds(List<Step> steps) {
        return steps.stream().map(Step::kind).toList();
    }

    private static Map<String, Object> withoutComment(Map<String, Object> body) {
        return body.entrySet().stream().filter(entry -> !entry.getKey().equals("comment"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
