package io.smarketing.local;

import java.math.BigDecimal;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.smarketing.events.LeadStage;
import io.smarketing.local.DemoPlan.As;
import io.smarketing.local.DemoPlan.CampaignSpec;
import io.smarketing.local.DemoPlan.GoalSpec;
import io.smarketing.local.DemoPlan.LeadSpec;
import io.smarketing.local.DemoPlan.Person;
import io.smarketing.local.DemoPlan.Spend;
import io.smarketing.local.DemoPlan.Step;
import io.smarketing.platform.Addresses;
import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

import static io.smarketing.local.DemoPlan.CAMPAIGNS;
import static io.smarketing.local.DemoPlan.CSV_HEADER;
import static io.smarketing.local.DemoPlan.ERIN;
import static io.smarketing.local.DemoPlan.GOALS;
import static io.smarketing.local.DemoPlan.MIA;
import static io.smarketing.local.DemoPlan.MO;
import static io.smarketing.local.DemoPlan.SALLY;
import static io.smarketing.local.DemoPlan.SAM;
import static io.smarketing.local.DemoPlan.fields;
import static io.smarketing.local.DemoPlan.csvLine;
import static io.smarketing.local.DemoPlan.quarterOf;
import static io.smarketing.local.DemoPlan.topReasons;

/**
 * Demo data, so that the dashboard of a platform that has just started shows a living picture: goals for the
 * quarter, campaigns with spend, 300 leads at every stage of the funnel, touches (a few in conflict), CSAT and
 * feedback rounds. Everything goes through the services' public APIs, as the people of a small team would do
 * it: erin (executive) sets the goals, mia and mo (marketing) run the campaigns and capture the leads, sam,
 * sally and sota (sales) follow them up. {@code ./smarketing up} loads it once per state folder.
 *
 * Deterministic: a fixed seed gives the same people, companies and journeys every time (only the times are
 * "now": the services stamp events when they happen). Says what it did in one summary line; any answer it did
 * not expect stops it with the service's problem+json. It loads nothing when it finds its campaigns already
 * there, so running it twice never doubles the data.
 */
public final class DemoData {

    /** The issue that asked for the demo. */
    static final long SEED = 6;
    /** HTTP calls in flight at once: the services share two cores with the broker and the database. */
    static final int PARALLEL_CALLS = 6;
    static final Duration REPLICA_WAIT = Duration.ofSeconds(30);
    static final Duration ROUND_WAIT = Duration.ofSeconds(30);
    static final Duration REASONS_WAIT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Reasons a round summary lists ({@code feedback.top-reasons}' default). */
    static final int TOP_REASONS = 3;

    // ---------------------------------------------------------------------------------------------- running

    /** What happened to one lead. */
    record Outcome(LeadSpec spec, UUID id, LeadStage stage, boolean awaitingSales, int touches, int conflicts,
            int csat) {
    }

    private final PlatformApi api;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CALLS, task -> {
        Thread thread = new Thread(task, "demo-data");
        thread.setDaemon(true);
        return thread;
    });
    private final String goals;
    private final String leads;
    private final String campaigns;
    private final String feedback;

    private DemoData(PrivateKey key, Map<String, String> urls) {
        this.api = new PlatformApi(key, REQUEST_TIMEOUT);
        this.goals = urls.get("goals");
        this.leads = urls.get("leads");
        this.campaigns = urls.get("campaigns");
        this.feedback = urls.get("feedback");
    }

    /** Loads the demo data into a running platform (unless it is there already) and says what it did. */
    static String load(PrivateKey key, Addresses addresses) {
        Map<String, String> urls = new HashMap<>();
        for (Service service : Platform.SERVICES) {
            urls.put(service.database(), addresses.url(service.name()));
        }
        return new DemoData(key, urls).load();
    }

    /** Loads everything (unless it is there already) and says what it did. */
    private String load() {
        long begun = System.nanoTime();
        Optional<String> existing = existingDemoCampaign();
        if (existing.isPresent()) {
            return "Demo data is already there (campaign \"" + existing.get() + "\"): nothing loaded.";
        }
        DemoPlan plan = DemoPlan.generate(SEED);
        Map<CampaignSpec, UUID> campaignIds = goalsAndCampaigns(LocalDate.now(ZoneOffset.UTC));
        Map<String, JsonNode> captured = captureLeads(plan, campaignIds);
        List<Callable<Outcome>> journeys = new ArrayList<>();
        for (LeadSpec lead : plan.leads) {
            JsonNode created = captured.get(lead.person().email());
            journeys.add(() -> follow(lead, created, campaignIds.get(lead.campaign())));
        }
        List<Outcome> outcomes = inParallel(journeys);
        int entries = runFeedback(outcomes, campaignIds);
        String routing = routingAndEngagement(outcomes, campaignIds);
        return summary(outcomes, plan, entries, (System.nanoTime() - begun) / 1_000_000) + " " + routing;
    }

    /**
     * The goals of the quarter and the running campaigns. The campaigns serve the first goal, and one goal is
     * scoped to the first campaign, so those two come before and after the rest, which runs in parallel.
     */
    private Map<CampaignSpec, UUID> goalsAndCampaigns(LocalDate today) {
        LocalDate[] quarter = quarterOf(today);
        UUID revenueGoal = createGoal(GOALS.get(0), quarter, null);
        List<Callable<UUID>> setUp = new ArrayList<>();
        CAMPAIGNS.forEach(campaign -> setUp.add(() -> runCampaign(campaign, today, revenueGoal)));
        GOALS.stream().skip(1).filter(goal -> !goal.forFirstCampaign())
                .forEach(goal -> setUp.add(() -> createGoal(goal, quarter, null)));
        List<UUID> created = inParallel(setUp);
        Map<CampaignSpec, UUID> campaignIds = new HashMap<>();
        for (int i = 0; i < CAMPAIGNS.size(); i++) {
            campaignIds.put(CAMPAIGNS.get(i), created.get(i));
        }
        GOALS.stream().filter(GoalSpec::forFirstCampaign)
                .forEach(goal -> createGoal(goal, quarter, campaignIds.get(CAMPAIGNS.get(0))));
        return campaignIds;
    }

    /**
     * The demo's campaigns are its fingerprint: finding one (among the newest 200) means an earlier run loaded
     * the demo, even if ./smarketing's marker file got lost.
     */
    private Optional<String> existingDemoCampaign() {
        Set<String> names = CAMPAIGNS.stream().map(CampaignSpec::name).collect(Collectors.toSet());
        JsonNode page = api.call("GET", campaigns + "/api/campaigns?size=200", As.marketing(MIA), null, 200);
        for (JsonNode campaign : page.get("items")) {
            if (names.contains(campaign.get("name").asText())) {
                return Optional.of(campaign.get("name").asText());
            }
        }
        return Optional.empty();
    }

    private UUID createGoal(GoalSpec goal, LocalDate[] quarter, UUID campaignId) {
        JsonNode created = api.call("POST", goals + "/api/goals", ERIN, fields("name", goal.name(), "metric", goal.metric(),
                "target", goal.target(), "periodStart", quarter[0].toString(), "periodEnd", quarter[1].toString(),
                "salesOwners", goal.salesOwners(), "marketingOwners", goal.marketingOwners(),
                "campaignId", campaignId), 201);
        return id(created);
    }

    /** Plans, launches and spends on one campaign. */
    private UUID runCampaign(CampaignSpec campaign, LocalDate today, UUID goalId) {
        As owner = As.marketing(campaign.marketingOwner());
        UUID id = id(api.call("POST", campaigns + "/api/campaigns", owner, fields("name", campaign.name(),
                "channel", campaign.channel(), "budget", BigDecimal.valueOf(campaign.budget()),
                "startDate", today.plusDays(campaign.startDay()).toString(),
                "endDate", today.plusDays(campaign.endDay()).toString(), "keyMessage", campaign.keyMessage(),
                "audience", campaign.audience(), "goalId", goalId, "marketingOwner", campaign.marketingOwner(),
                "salesLiaison", campaign.salesLiaison()), 201));
        api.call("POST", campaigns + "/api/campaigns/" + id + "/launch", owner, null, 200);
        for (Spend spend : campaign.spends()) {
            api.call("POST", campaigns + "/api/campaigns/" + id + "/spend", owner,
                    fields("amount", BigDecimal.valueOf(spend.amount()), "note", spend.note()), 200);
        }
        return id;
    }

    /**
     * Each campaign's first lead on its own, retried until leads-service has heard of the campaign (it checks
     * campaign ids against its replica of the campaign events), then the rest as CSV imports. Returns every
     * lead of the plan by e-mail, as leads-service lists it.
     */
    private Map<String, JsonNode> captureLeads(DemoPlan plan, Map<CampaignSpec, UUID> ids) {
        List<Callable<JsonNode>> firsts = new ArrayList<>();
        for (CampaignSpec campaign : CAMPAIGNS) {
            LeadSpec first = plan.leadsOf(campaign).get(0);
            firsts.add(() -> firstLead(first, ids.get(campaign)));
        }
        inParallel(firsts);
        for (CampaignSpec campaign : CAMPAIGNS) {
            UUID id = ids.get(campaign);
            List<String> lines = new ArrayList<>();
            plan.leadsOf(campaign).stream().skip(1)
                    .forEach(lead -> lines.add(csvLine(lead.person(), lead.channel(), id)));
            List<LeadSpec> again = plan.resubmittedThrough(campaign);
            again.forEach(lead -> lines.add(csvLine(lead.person(), campaign.channel(), id)));
            importLeads(lines, campaign.marketingOwner(), lines.size() - again.size(), again.size());
        }
        List<String> unsourced = plan.leadsOf(null).stream()
                .map(lead -> csvLine(lead.person(), lead.channel(), null)).toList();
        importLeads(unsourced, MO, unsourced.size(), 0);

        Set<String> wanted = plan.leads.stream().map(lead -> lead.person().email()).collect(Collectors.toSet());
        Map<String, JsonNode> found = new HashMap<>();
        for (int page = 0; found.size() < wanted.size(); page++) {
            JsonNode listed = api.call("GET", leads + "/api/leads?size=200&page=" + page, As.marketing(MIA), null, 200);
            if (listed.get("items").isEmpty()) {
                throw new PlatformApi.Failure("leads-service lists only " + found.size() + " of the " + wanted.size()
                        + " demo leads it accepted");
            }
            for (JsonNode lead : listed.get("items")) {
                String email = lead.get("email").asText();
                if (wanted.contains(email)) {
                    found.put(email, lead);
                }
            }
        }
        return found;
    }

    private JsonNode firstLead(LeadSpec lead, UUID campaignId) {
        Person person = lead.person();
        Map<String, Object> request = fields("email", person.email(), "name", person.name(), "company",
                person.company(), "title", person.title(), "phone", person.phone(), "campaignId", campaignId,
                "channel", lead.channel());
        return onceReplicated("campaignId",
                () -> api.call("POST", leads + "/api/leads", As.marketing(lead.marketer()), request, 201));
    }

    /**
     * A call that another service's replica decides: leads-service answers 422 for a campaign it has not consumed
     * yet, feedback-service for a lead it has not. Retried, with a growing pause, while the 422 names that field.
     */
    private JsonNode onceReplicated(String field, Supplier<JsonNode> call) {
        long deadline = System.nanoTime() + REPLICA_WAIT.toNanos();
        long pause = 100;
        while (true) {
            try {
                return call.get();
            } catch (PlatformApi.Failure e) {
                boolean notReplicatedYet = e.status == 422 && e.problem.contains(field);
                if (!notReplicatedYet || System.nanoTime() > deadline) {
                    throw e;
                }
                pause(pause);
                pause = Math.min(pause * 2, 1_000);
            }
        }
    }

    private void importLeads(List<String> lines, String marketer, long created, long duplicates) {
        String csv = CSV_HEADER + "\n" + String.join("\n", lines) + "\n";
        JsonNode result = api.call("POST", leads + "/api/leads/import", As.marketing(marketer), csv, 200);
        if (result.get("created").asLong() != created || result.get("duplicates").asLong() != duplicates
                || !result.get("rejected").isEmpty()) {
            throw new PlatformApi.Failure("importing " + lines.size() + " leads: expected " + created + " created and "
                    + duplicates + " duplicates, leads-service answered " + result);
        }
    }

    /** Takes one lead through its journey, one call after the other. */
    private Outcome follow(LeadSpec lead, JsonNode created, UUID campaignId) {
        UUID id = id(created);
        LeadStage stage = LeadStage.valueOf(created.get("stage").asText());
        boolean awaitingSales = false;
        int touches = 0;
        int conflicts = 0;
        int csat = 0;
        for (Step step : lead.steps(id, stage == LeadStage.NEW, campaignId)) {
            String url = step.kind() == Step.Kind.CSAT ? feedback + "/api/feedback/csat"
                    : leads + "/api/leads/" + id + "/" + step.kind().path;
            JsonNode answer = step.kind() == Step.Kind.CSAT
                    ? onceReplicated("leadId", () -> api.call("POST", url, step.as(), step.body(), step.kind().status))
                    : api.call("POST", url, step.as(), step.body(), step.kind().status);
            switch (step.kind()) {
                case TOUCH -> {
                    touches++;
                    conflicts += answer.path("conflict").isTextual() ? 1 : 0;
                }
                case CSAT -> csat++;
                default -> {
                    stage = LeadStage.valueOf(answer.get("stage").asText());
                    awaitingSales = stage == LeadStage.MQL && answer.path("ownerId").isTextual();
                }
            }
        }
        return new Outcome(lead, id, stage, awaitingSales, touches, conflicts, csat);
    }

    /**
     * Completes the summit, whose round feedback-service opens by itself, fills it and closes it; opens the
     * webinar's round by hand and leaves it open with one entry. Returns the number of entries.
     */
    private int runFeedback(List<Outcome> outcomes, Map<CampaignSpec, UUID> ids) {
        CampaignSpec summit = CAMPAIGNS.get(0);
        CampaignSpec webinar = CAMPAIGNS.get(1);
        UUID summitId = ids.get(summit);
        api.call("POST", campaigns + "/api/campaigns/" + summitId + "/complete", As.marketing(summit.marketingOwner()),
                null, 200);

        JsonNode webinarRound = api.call("POST", feedback + "/api/feedback/rounds", As.marketing(webinar.marketingOwner()),
                fields("campaignId", ids.get(webinar)), 201);
        submit(id(webinarRound), As.sales(SALLY), 4,
                "Webinar attendees ask the right questions; the CFO-level ones convert best.", null);

        UUID round = awaitUntil(ROUND_WAIT, () -> {
            JsonNode rounds = api.call("GET", feedback + "/api/feedback/rounds?campaignId=" + summitId, ERIN, null, 200);
            return rounds.get("items").isEmpty() ? Optional.empty() : Optional.of(id(rounds.get("items").get(0)));
        }).orElseThrow(() -> new PlatformApi.Failure("feedback-service opened no round for the completed campaign "
                + summitId + " within " + ROUND_WAIT.toSeconds() + " s (it opens one on campaign.completed)"));
        List<Callable<Void>> entries = List.of(
                () -> submit(round, As.sales(SAM), 4, "Summit leads were well qualified: most had a project and a "
                        + "budget owner. Badge scans often lacked a phone number.", null),
                () -> submit(round, As.sales(SALLY), 3, "Too many students and consultants among the booth visitors; "
                        + "qualify on company size before passing leads on.", null),
                () -> submit(round, As.marketing(MIA), null, "Thanks: we will tighten the booth qualification and "
                        + "hand over badge data faster.", List.of("Add company size to the booth form",
                                "Send badge scans to sales within 24 hours", "Keep students out of the MQL rule")));
        inParallel(entries);
        awaitSummaryReasons(round, outcomes, summit);
        api.call("POST", feedback + "/api/feedback/rounds/" + round + "/close", As.marketing(MIA), null, 200);
        return 1 + entries.size();
    }

    /**
     * erin writes the routing rules, sota marks himself away, and the marketing tools report prospect activity on
     * some NEW leads: the engaged ones cross the MQL threshold, are qualified by the scoring and routed at once.
     * Returns what it did, in words.
     */
    private String routingAndEngagement(List<Outcome> outcomes, Map<CampaignSpec, UUID> campaignIds) {
        for (DemoPlan.RuleSpec rule : DemoPlan.ROUTING) {
            List<Map<String, Object>> reps = rule.reps().stream()
                    .map(seat -> fields("repId", seat.repId(), "capacity", seat.capacity())).toList();
            api.call("POST", leads + "/api/routing/rules", ERIN, fields("name", rule.name(),
                    "campaignId", rule.campaign() == null ? null : campaignIds.get(CAMPAIGNS.get(rule.campaign())),
                    "channel", rule.channel(), "defaultRule", rule.defaultRule(), "reps", reps), 201);
        }
        java.time.Instant now = java.time.Instant.now();
        api.call("PUT", leads + "/api/routing/reps/" + DemoPlan.AWAY_REP + "/away", As.sales(DemoPlan.AWAY_REP),
                fields("to", now.plus(Duration.ofDays(DemoPlan.AWAY_DAYS)).toString()), 200);

        List<Outcome> fresh = outcomes.stream().filter(o -> o.stage() == LeadStage.NEW).toList();
        List<Map<String, Object>> activities = DemoPlan.activities(
                fresh.stream().map(o -> o.spec().person().email()).toList(), now);
        JsonNode result = api.call("POST", leads + "/api/leads/activities", As.marketing(MIA),
                fields("activities", activities), 200);
        List<Outcome> engaged = fresh.stream().limit(DemoPlan.ENGAGED_LEADS).toList();
        // the router assigns within moments; an MQL that found its pool full waits, and the summary says so
        Map<String, Long> routedTo = awaitUntil(REPLICA_WAIT, () -> {
            Map<String, Long> owners = owners(engaged);
            return owners.containsKey(WAITING) ? Optional.<Map<String, Long>>empty() : Optional.of(owners);
        }).orElseGet(() -> owners(engaged));
        return String.format(Locale.ROOT, "Routing: %d rules, %s away for %d days; %d prospect activities on %d NEW "
                + "leads made %d of them MQLs, routed to %s.", DemoPlan.ROUTING.size(), DemoPlan.AWAY_REP,
                DemoPlan.AWAY_DAYS, result.get("recorded").asInt(), Math.min(fresh.size(),
                        DemoPlan.ENGAGED_LEADS + DemoPlan.WARMING_LEADS), result.get("qualified").asInt(), routedTo);
    }

    private static final String WAITING = "waiting for a rep";

    /** How many of the leads each rep owns; MQLs nobody owns yet under {@link #WAITING}. */
    private Map<String, Long> owners(List<Outcome> leadsToCount) {
        Map<String, Long> owners = new java.util.TreeMap<>();
        for (Outcome lead : leadsToCount) {
            JsonNode current = api.call("GET", leads + "/api/leads/" + lead.id(), ERIN, null, 200);
            if (current.path("ownerId").isTextual()) {
                owners.merge(current.get("ownerId").asText(), 1L, Long::sum);
            } else if (current.get("stage").asText().equals("MQL")) {
                owners.merge(WAITING, 1L, Long::sum);
            }
        }
        return owners;
    }

    private Void submit(UUID round, As as, Integer leadQuality, String comment, List<String> actions) {
        api.call("POST", feedback + "/api/feedback/rounds/" + round + "/entries", as,
                fields("leadQuality", leadQuality, "comment", comment, "actions", actions), 201);
        return null;
    }

    /**
     * A closed round's summary is frozen, and feedback-service learns the rejection and loss reasons from lead
     * events: wait (a little) until it has them all, so the summary tells the whole story.
     */
    private void awaitSummaryReasons(UUID round, List<Outcome> outcomes, CampaignSpec campaign) {
        List<Outcome> ofCampaign = outcomes.stream().filter(outcome -> outcome.spec().campaign() == campaign)
                .toList();
        List<String> rejections = topReasons(ofCampaign.stream().filter(o -> o.stage() == LeadStage.REJECTED)
                .map(o -> o.spec().journey().rejection()).toList(), TOP_REASONS);
        List<String> losses = topReasons(ofCampaign.stream().filter(o -> o.stage() == LeadStage.LOST)
                .map(o -> o.spec().journey().loss()).toList(), TOP_REASONS);
        boolean complete = awaitUntil(REASONS_WAIT, () -> {
            JsonNode summary = api.call("GET", feedback + "/api/feedback/rounds/" + round, ERIN, null, 200).get("summary");
            boolean all = reasons(summary.get("topRejectionReasons")).equals(rejections)
                    && reasons(summary.get("topLossReasons")).equals(losses);
            return all ? Optional.of(true) : Optional.empty();
        }).isPresent();
        if (!complete) {
            System.err.println("DemoData: the summit round's summary does not list the expected reasons "
                    + rejections + " / " + losses + " after " + REASONS_WAIT.toSeconds() + " s; closing it anyway");
        }
    }

    /** {@code [{reason, count}]} as "REASON=count". */
    private static List<String> reasons(JsonNode counts) {
        List<String> reasons = new ArrayList<>();
        counts.forEach(count -> reasons.add(count.get("reason").asText() + "=" + count.get("count").asLong()));
        return reasons;
    }

    private String summary(List<Outcome> outcomes, DemoPlan plan, int entries, long millis) {
        Map<LeadStage, Long> stages = outcomes.stream().collect(
                Collectors.groupingBy(Outcome::stage, () -> new EnumMap<>(LeadStage.class), Collectors.counting()));
        String funnel = Arrays.stream(LeadStage.values())
                .map(stage -> stage + " " + stages.getOrDefault(stage, 0L)).collect(Collectors.joining(", "));
        long awaiting = outcomes.stream().filter(Outcome::awaitingSales).count();
        int touches = outcomes.stream().mapToInt(Outcome::touches).sum();
        int conflicts = outcomes.stream().mapToInt(Outcome::conflicts).sum();
        int csat = outcomes.stream().mapToInt(Outcome::csat).sum();
        int spends = CAMPAIGNS.stream().mapToInt(campaign -> campaign.spends().size()).sum();
        return String.format(Locale.ROOT, "Demo data loaded in %.1f s: %d goals, %d campaigns (%d spend records, "
                + "1 completed), %d leads (%s; %d MQLs awaiting sales) and %d resubmissions, %d touches "
                + "(%d conflicts), %d CSAT scores, 2 feedback rounds (1 closed) with %d entries.",
                millis / 1000.0, GOALS.size(), CAMPAIGNS.size(), spends, outcomes.size(), funnel, awaiting,
                plan.resubmissions.size(), touches, conflicts, csat, entries);
    }

    private static UUID id(JsonNode resource) {
        return UUID.fromString(resource.get("id").asText());
    }

    /** Runs the tasks on the pool and returns their results in order; the first failure stops the rest. */
    private <T> List<T> inParallel(List<Callable<T>> tasks) {
        List<Future<T>> futures = tasks.stream().map(task -> pool.submit(task)).toList();
        List<T> results = new ArrayList<>(tasks.size());
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new PlatformApi.Failure(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformApi.Failure("interrupted");
        }
    }

    /** Asks until the answer is there or the time is up. */
    private static <T> Optional<T> awaitUntil(Duration timeout, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> answer = check.get();
            if (answer.isPresent() || System.nanoTime() > deadline) {
                return answer;
            }
            pause(200);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformApi.Failure("interrupted");
        }
    }
}
