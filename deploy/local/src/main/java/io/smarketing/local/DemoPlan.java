package io.smarketing.local;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.smarketing.events.Channel;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;

/**
 * What {@link DemoData} creates, decided without any service: the team, the goals, the campaigns, 300 people
 * and the journey of each of their leads (the calls that take it from capture to where it ends). Pure and
 * deterministic: the same seed gives the same plan.
 */
final class DemoPlan {

    // ------------------------------------------------------------------------------------------------ people

    /** Who makes a call: the token's role and user. */
    record As(String role, String user) {

        static As marketing(String user) {
            return new As("marketing", user);
        }

        static As sales(String user) {
            return new As("sales", user);
        }

        @Override
        public String toString() {
            return role + " " + user;
        }
    }

    static final As ERIN = new As("executive", "erin");
    static final String MIA = "mia";
    static final String MO = "mo";
    static final String SAM = "sam";
    static final String SALLY = "sally";
    static final String SOTA = "sota";

    // ---------------------------------------------------------------------------------------- what to create

    record Spend(long amount, String note) {
    }

    /** Days are relative to today; the number of leads it brings includes its first one, posted on its own. */
    record CampaignSpec(String name, Channel channel, long budget, int startDay, int endDay, String keyMessage,
            String audience, String marketingOwner, String salesLiaison, List<Spend> spends, int leads) {
    }

    /** The first campaign is completed (its feedback round opens by itself); the second gets a round by hand. */
    static final List<CampaignSpec> CAMPAIGNS = List.of(
            new CampaignSpec("Cloud Summit Tokyo 2026", Channel.EVENT, 6_000_000, -56, -14,
                    "One pipeline, one scoreboard: sales and marketing as one team",
                    "IT and finance leaders of mid-size manufacturers in Japan", MIA, SAM,
                    List.of(new Spend(2_400_000, "Venue and stage"), new Spend(850_000, "Booth design and build"),
                            new Spend(600_000, "Catering"), new Spend(450_000, "Follow-up mailing")),
                    90),
            new CampaignSpec("CFO Webinar Series: Forecasts You Can Trust", Channel.WEB, 2_500_000, -42, 21,
                    "Forecasts you can trust, from the first touch to the signed deal",
                    "CFOs and finance directors", MO, SALLY,
                    List.of(new Spend(300_000, "Webinar platform"), new Spend(450_000, "LinkedIn promotion"),
                            new Spend(250_000, "Guest speaker")),
                    70),
            new CampaignSpec("Manufacturing DX Newsletter (製造業DX通信)", Channel.EMAIL, 1_200_000, -35, 28,
                    "Digital transformation that pays back within a year",
                    "Plant managers and IT leads in manufacturing", MO, SOTA,
                    List.of(new Spend(180_000, "Copywriting and translation"), new Spend(220_000, "List rental"),
                            new Spend(150_000, "Design")),
                    55),
            new CampaignSpec("Partner Referral Program", Channel.REFERRAL, 3_000_000, -49, 42,
                    "Trusted by your partners, proven in your industry",
                    "Customers of our integration partners", MIA, SAM,
                    List.of(new Spend(500_000, "Partner incentives, October"),
                            new Spend(350_000, "Partner incentives, November"),
                            new Spend(120_000, "Co-branded material")),
                    40));

    /** Leads that came in without a campaign (the web site, social media, a colleague's tip). */
    static final int UNSOURCED_LEADS = 45;

    record GoalSpec(String name, GoalMetric metric, BigDecimal target, List<String> salesOwners,
            List<String> marketingOwners, boolean forFirstCampaign) {

        GoalSpec(String name, GoalMetric metric, String target, List<String> salesOwners,
                List<String> marketingOwners, boolean forFirstCampaign) {
            this(name, metric, new BigDecimal(target), salesOwners, marketingOwners, forFirstCampaign);
        }
    }

    /** All for the current quarter; the first is the one the campaigns serve. */
    static final List<GoalSpec> GOALS = List.of(
            new GoalSpec("Quarterly revenue", GoalMetric.REVENUE, "30000000", List.of(SAM, SALLY, SOTA),
                    List.of(MIA, MO), false),
            new GoalSpec("New leads this quarter", GoalMetric.LEADS, "400", List.of(SALLY), List.of(MIA, MO), false),
            new GoalSpec("Sales-accepted leads", GoalMetric.SQLS, "120", List.of(SAM, SALLY, SOTA), List.of(MO),
                    false),
            new GoalSpec("Follow-up within the SLA", GoalMetric.SLA_COMPLIANCE, "90", List.of(SAM, SALLY, SOTA),
                    List.of(MIA), false),
            new GoalSpec("Lead quality as sales rates it", GoalMetric.LEAD_QUALITY, "3.5", List.of(SOTA),
                    List.of(MIA, MO), false),
            new GoalSpec("Customer satisfaction", GoalMetric.CSAT, "4", List.of(SAM), List.of(MO), false),
            new GoalSpec("Cloud Summit Tokyo revenue", GoalMetric.REVENUE, "8000000", List.of(SAM), List.of(MIA),
                    true));

    // ---------------------------------------------------------------------------- names, companies, titles

    /** A Japanese name in kanji and in romaji (for the e-mail address). */
    record JapaneseName(String kanji, String romaji) {
    }

    record Company(String name, String domain, boolean japanese) {
    }

    static final List<JapaneseName> JAPANESE_SURNAMES = List.of(new JapaneseName("佐藤", "Sato"),
            new JapaneseName("鈴木", "Suzuki"), new JapaneseName("高橋", "Takahashi"), new JapaneseName("田中", "Tanaka"),
            new JapaneseName("伊藤", "Ito"), new JapaneseName("渡辺", "Watanabe"), new JapaneseName("山本", "Yamamoto"),
            new JapaneseName("中村", "Nakamura"), new JapaneseName("小林", "Kobayashi"), new JapaneseName("加藤", "Kato"),
            new JapaneseName("吉田", "Yoshida"), new JapaneseName("山田", "Yamada"), new JapaneseName("松本", "Matsumoto"),
            new JapaneseName("井上", "Inoue"), new JapaneseName("木村", "Kimura"), new JapaneseName("清水", "Shimizu"),
            new JapaneseName("森", "Mori"), new JapaneseName("池田", "Ikeda"));
    static final List<JapaneseName> JAPANESE_GIVEN_NAMES = List.of(new JapaneseName("健", "Ken"),
            new JapaneseName("翔太", "Shota"), new JapaneseName("陽菜", "Hina"), new JapaneseName("美咲", "Misaki"),
            new JapaneseName("大輔", "Daisuke"), new JapaneseName("直樹", "Naoki"), new JapaneseName("由美", "Yumi"),
            new JapaneseName("拓也", "Takuya"), new JapaneseName("彩", "Aya"), new JapaneseName("恵", "Megumi"),
            new JapaneseName("誠", "Makoto"), new JapaneseName("結衣", "Yui"), new JapaneseName("蓮", "Ren"),
            new JapaneseName("花子", "Hanako"), new JapaneseName("隆", "Takashi"), new JapaneseName("真由美", "Mayumi"),
            new JapaneseName("亮", "Ryo"), new JapaneseName("さくら", "Sakura"));
    static final List<String> ENGLISH_GIVEN_NAMES = List.of("Emma", "Oliver", "Sophie", "James", "Grace", "Daniel",
            "Chloe", "Liam", "Hannah", "Ethan", "Olivia", "Noah", "Amelia", "Lucas", "Ryan", "Natalie", "Henry",
            "Isabel", "Owen", "Priya");
    static final List<String> ENGLISH_SURNAMES = List.of("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke",
            "Evans", "Walker", "Hughes", "Turner", "Mitchell", "Parker", "Bennett", "Foster", "Reed", "Hayes",
            "O'Brien", "Patel");

    /** Invented companies; their domains end in .example (RFC 2606), so no address can belong to anyone. */
    static final List<Company> COMPANIES = List.of(
            new Company("Sakura Logistics K.K.", "sakura-logistics.example", true),
            new Company("Hoshino Precision Co., Ltd.", "hoshino-precision.example", true),
            new Company("株式会社みなと精機", "minato-seiki.example", true),
            new Company("Kitagawa Foods", "kitagawa-foods.example", true),
            new Company("株式会社ひかり電機", "hikari-denki.example", true),
            new Company("Tsubasa Robotics", "tsubasa-robotics.example", true),
            new Company("Kawaguchi Chemical Industries", "kawaguchi-chem.example", true),
            new Company("株式会社やまびこ建設", "yamabiko-kensetsu.example", true),
            new Company("Fujimi Medical Devices", "fujimi-medical.example", true),
            new Company("Nishiki Textiles", "nishiki-textiles.example", true),
            new Company("Kaede Pharma", "kaede-pharma.example", true),
            new Company("Northwind Analytics", "northwind-analytics.example", false),
            new Company("Bluefin Robotics", "bluefin-robotics.example", false),
            new Company("Harbor & Pine Consulting", "harborpine.example", false),
            new Company("Brightline Energy", "brightline-energy.example", false),
            new Company("Cobalt Ridge Software", "cobaltridge.example", false),
            new Company("Greenfield Foods Ltd.", "greenfield-foods.example", false),
            new Company("Atlas Fintech", "atlas-fintech.example", false),
            new Company("Redwood Health", "redwood-health.example", false),
            new Company("Silverline Manufacturing, Inc.", "silverline-mfg.example", false));

    static final List<String> JAPANESE_FREE_MAIL = List.of("gmail.com", "yahoo.co.jp", "icloud.com");
    static final List<String> ENGLISH_FREE_MAIL = List.of("gmail.com", "outlook.com", "hotmail.com");

    static final List<String> SENIOR_TITLES = List.of("CFO", "Head of Finance", "Director of IT",
            "VP Sales Operations", "Chief Digital Officer", "Head of Procurement", "Plant Director");
    static final List<String> TITLES = List.of("IT Manager", "Procurement Specialist", "Marketing Manager",
            "Data Analyst", "Operations Lead", "Software Engineer", "Finance Manager", "経理部 課長",
            "情報システム部 部長", "Production Engineer");

    static final List<Channel> UNSOURCED_CHANNELS = List.of(Channel.WEB, Channel.WEB, Channel.SOCIAL, Channel.ADS,
            Channel.REFERRAL, Channel.OTHER);

    static final Map<RejectionReason, String> REJECTION_NOTES = new EnumMap<>(Map.of(
            RejectionReason.NOT_A_FIT, "Ten employees: too small for the platform",
            RejectionReason.NO_BUDGET, "Budget frozen until the next fiscal year (April)",
            RejectionReason.BAD_CONTACT_DATA, "Phone number unreachable and the e-mail bounced",
            RejectionReason.DUPLICATE, "Same person as an open opportunity, under a private address",
            RejectionReason.NOT_READY, "Interested, but evaluating in six months",
            RejectionReason.OTHER, "Works for a competitor"));
    static final Map<LossReason, String> LOSS_NOTES = new EnumMap<>(Map.of(
            LossReason.PRICE, "Chose a cheaper plan elsewhere",
            LossReason.COMPETITOR, "Went with the incumbent vendor",
            LossReason.NO_DECISION, "Project shelved by the board",
            LossReason.TIMING, "Revisit after the April budget cycle",
            LossReason.PRODUCT_FIT, "Needs an on-premise installation",
            LossReason.OTHER, "Merger put all purchases on hold"));
    static final List<String> CSAT_COMMENTS = List.of("Smooth onboarding, the team answered within the day",
            "Good value; the setup took longer than promised", "導入がスムーズでした", "Great support from the account team");

    /** A sales touch: what kind of contact, and about what. */
    record SalesTouch(Channel channel, String subject) {
    }

    static final List<SalesTouch> SALES_TOUCHES = List.of(
            new SalesTouch(Channel.OTHER, "Discovery call: requirements and timeline"),
            new SalesTouch(Channel.EMAIL, "Proposal and pricing sent"),
            new SalesTouch(Channel.EVENT, "On-site demo at the customer's office"),
            new SalesTouch(Channel.OTHER, "Call with the finance team about the business case"));

    // --------------------------------------------------------------------------------------- lead journeys

    enum Profile { STRONG, MEDIUM, WEAK }

    /** Where an MQL's journey ends. */
    enum Fate { UNASSIGNED, UNANSWERED, REJECTED, OPEN_DEAL, WON, LOST }

    /** The touches logged on a lead; the last three are meant to be flagged as conflicts. */
    enum TouchPlan { NONE, NURTURE, SALES_CALL, MARKETING_AFTER_ACCEPT, OFF_MESSAGE, BOTH_TEAMS }

    record Person(String email, String name, String company, String title, String phone) {
    }

    /**
     * What happens to a lead. Whether it starts NEW or MQL is the leads-service's scoring: a NEW lead is
     * qualified only if {@code qualifyIfNew}, and then goes on like an MQL.
     */
    record Journey(boolean qualifyIfNew, Fate fate, String rep, boolean selfAssigned, RejectionReason rejection,
            LossReason loss, long amount, Integer csat, String csatComment, TouchPlan touch, SalesTouch salesTouch) {

        /** A conflict needs the lead to go past NEW, whatever its score. */
        Journey conflicting(TouchPlan plan) {
            return new Journey(true, fate, rep, selfAssigned, rejection, loss, amount, csat, csatComment, plan,
                    salesTouch);
        }
    }

    /** A lead to capture; {@code campaign} is null for a lead that came in without one. */
    record LeadSpec(Person person, Channel channel, CampaignSpec campaign, Journey journey) {

        /** The marketer who works the lead: its campaign's owner, or mo for leads without a campaign. */
        String marketer() {
            return campaign == null ? MO : campaign.marketingOwner();
        }

        /** The calls that take the lead through its journey, in order. */
        List<Step> steps(UUID leadId, boolean capturedAsNew, UUID campaignId) {
            As marketing = As.marketing(marketer());
            As sales = As.sales(journey.rep());
            String keyMessage = campaign == null ? null : campaign.keyMessage();
            List<Step> steps = new ArrayList<>();
            if (capturedAsNew && !journey.qualifyIfNew()) {
                if (journey.touch() == TouchPlan.NURTURE) {
                    steps.add(Step.touch(marketing, Channel.EMAIL, nurtureSubject(), keyMessage, campaignId));
                }
                return steps;
            }
            if (capturedAsNew) {
                steps.add(new Step(Step.Kind.QUALIFY, marketing, Map.of()));
            }
            switch (journey.touch()) {
                case NURTURE, BOTH_TEAMS ->
                    steps.add(Step.touch(marketing, Channel.EMAIL, nurtureSubject(), keyMessage, campaignId));
                case OFF_MESSAGE -> steps.add(Step.touch(marketing, Channel.EMAIL,
                        "Limited offer: 30% off annual plans", "30% off annual plans until the end of the month",
                        campaignId));
                default -> {
                }
            }
            Fate fate = journey.fate();
            if (fate == Fate.UNASSIGNED) {
                return steps;
            }
            steps.add(new Step(Step.Kind.ASSIGN, journey.selfAssigned() ? sales : marketing,
                    fields("ownerId", journey.rep())));
            if (fate == Fate.UNANSWERED) {
                return steps;
            }
            if (fate == Fate.REJECTED) {
                steps.add(new Step(Step.Kind.REJECT, sales,
                        fields("reason", journey.rejection(), "note", REJECTION_NOTES.get(journey.rejection()))));
                return steps;
            }
            steps.add(new Step(Step.Kind.ACCEPT, sales, Map.of()));
            if (journey.touch() == TouchPlan.SALES_CALL || journey.touch() == TouchPlan.BOTH_TEAMS) {
                SalesTouch call = journey.salesTouch();
                steps.add(Step.touch(sales, call.channel(), call.subject(), null, null));
            }
            if (journey.touch() == TouchPlan.MARKETING_AFTER_ACCEPT) {
                steps.add(Step.touch(marketing, Channel.EMAIL, "Invitation: customer day in Osaka", keyMessage,
                        campaignId));
            }
            if (fate == Fate.WON) {
                steps.add(new Step(Step.Kind.WIN, sales, fields("amount", BigDecimal.valueOf(journey.amount()))));
                if (journey.csat() != null) {
                    steps.add(new Step(Step.Kind.CSAT, sales, fields("leadId", leadId, "campaignId", campaignId,
                            "score", journey.csat(), "comment", journey.csatComment())));
                }
            } else if (fate == Fate.LOST) {
                steps.add(new Step(Step.Kind.LOSE, sales,
                        fields("reason", journey.loss(), "note", LOSS_NOTES.get(journey.loss()))));
            }
            return steps;
        }

        private String nurtureSubject() {
            return campaign == null ? "Monthly newsletter: customer stories" : "Follow-up: " + campaign.name();
        }
    }

    /** One call on a lead: a lifecycle action or a touch on leads-service, or a CSAT on feedback-service. */
    record Step(Kind kind, As as, Map<String, Object> body) {

        enum Kind {
            QUALIFY("qualify", 200), ASSIGN("assign", 200), ACCEPT("accept", 200), REJECT("reject", 200),
            WIN("win", 200), LOSE("lose", 200), TOUCH("touches", 201), CSAT(null, 201);

            final String path;
            final int status;

            Kind(String path, int status) {
                this.path = path;
                this.status = status;
            }
        }

        static Step touch(As as, Channel channel, String subject, String messageKey, UUID campaignId) {
            return new Step(Kind.TOUCH, as,
                    fields("channel", channel, "subject", subject, "messageKey", messageKey, "campaignId", campaignId));
        }
    }

    /** The same person submitted again through another campaign: a duplicate in that campaign's import. */
    record Resubmission(LeadSpec lead, CampaignSpec campaign) {
    }

    final List<LeadSpec> leads;
    final List<Resubmission> resubmissions;

    private DemoPlan(List<LeadSpec> leads, List<Resubmission> resubmissions) {
        this.leads = List.copyOf(leads);
        this.resubmissions = List.copyOf(resubmissions);
    }

    /** The leads of a campaign, its first one first; {@code null} for the leads without one. */
    List<LeadSpec> leadsOf(CampaignSpec campaign) {
        return leads.stream().filter(lead -> lead.campaign() == campaign).toList();
    }

    /** The people who sign up again through this campaign: duplicates in its import. */
    List<LeadSpec> resubmittedThrough(CampaignSpec campaign) {
        return resubmissions.stream().filter(again -> again.campaign() == campaign).map(Resubmission::lead).toList();
    }

    /** The people and their journeys: the same for the same seed. */
    static DemoPlan generate(long seed) {
        Random random = new Random(seed);
        Set<String> emails = new HashSet<>();
        List<LeadSpec> leads = new ArrayList<>();
        for (CampaignSpec campaign : CAMPAIGNS) {
            for (int i = 0; i < campaign.leads(); i++) {
                // most come through the campaign's own channel, some find it on the web or in social media
                Channel channel = random.nextInt(5) == 0 ? pick(random, List.of(Channel.WEB, Channel.SOCIAL))
                        : campaign.channel();
                leads.add(new LeadSpec(person(random, emails), channel, campaign, journey(random)));
            }
        }
        for (int i = 0; i < UNSOURCED_LEADS; i++) {
            leads.add(new LeadSpec(person(random, emails), pick(random, UNSOURCED_CHANNELS), null, journey(random)));
        }
        markConflicts(random, leads, TouchPlan.MARKETING_AFTER_ACCEPT, 3, Set.of(Fate.OPEN_DEAL, Fate.WON));
        markConflicts(random, leads, TouchPlan.OFF_MESSAGE, 2, Set.of(Fate.UNASSIGNED));
        markConflicts(random, leads, TouchPlan.BOTH_TEAMS, 2, Set.of(Fate.OPEN_DEAL));
        return new DemoPlan(leads, resubmissions(leads));
    }

    static Person person(Random random, Set<String> emails) {
        Profile profile = pick(random, List.of(Profile.STRONG, Profile.STRONG, Profile.STRONG, Profile.MEDIUM,
                Profile.MEDIUM, Profile.WEAK, Profile.WEAK));
        boolean japanese = random.nextInt(10) < 6;
        String name;
        String local;
        if (japanese) {
            JapaneseName surname = pick(random, JAPANESE_SURNAMES);
            JapaneseName given = pick(random, JAPANESE_GIVEN_NAMES);
            name = random.nextInt(3) < 2 ? surname.kanji() + " " + given.kanji()
                    : given.romaji() + " " + surname.romaji();
            local = given.romaji() + "." + surname.romaji();
        } else {
            String given = pick(random, ENGLISH_GIVEN_NAMES);
            String surname = pick(random, ENGLISH_SURNAMES);
            name = given + " " + surname;
            local = given + "." + surname.replace("'", "");
        }
        // people mostly work for companies of their own country
        boolean japaneseCompany = random.nextInt(10) < (japanese ? 8 : 1);
        List<Company> companies = COMPANIES.stream().filter(c -> c.japanese() == japaneseCompany).toList();
        Company company = pick(random, companies);
        String title = switch (profile) {
            case STRONG -> random.nextInt(5) < 2 ? pick(random, SENIOR_TITLES) : pick(random, TITLES);
            case MEDIUM -> random.nextBoolean() ? pick(random, TITLES) : null;
            case WEAK -> null;
        };
        boolean withPhone = switch (profile) {
            case STRONG -> true;
            case MEDIUM -> random.nextInt(10) < 3;
            case WEAK -> random.nextInt(10) < 1;
        };
        String phone = !withPhone ? null
                : japanese ? String.format(Locale.ROOT, "+81 3-%04d-%04d", random.nextInt(10_000),
                        random.nextInt(10_000))
                : String.format(Locale.ROOT, "+1 415-555-%04d", 100 + random.nextInt(100));
        String domain = profile == Profile.WEAK ? pick(random, japanese ? JAPANESE_FREE_MAIL : ENGLISH_FREE_MAIL)
                : company.domain();
        local = local.toLowerCase(Locale.ROOT);
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return new Person(email, name, profile == Profile.WEAK ? null : company.name(), title, phone);
    }

    static Journey journey(Random random) {
        boolean qualifyIfNew = random.nextInt(10) < 3;
        Fate fate = pick(random, List.of(
                Fate.UNASSIGNED, Fate.UNASSIGNED, Fate.UNASSIGNED,
                Fate.UNANSWERED, Fate.UNANSWERED, Fate.UNANSWERED,
                Fate.REJECTED, Fate.REJECTED, Fate.REJECTED, Fate.REJECTED,
                Fate.OPEN_DEAL, Fate.OPEN_DEAL, Fate.OPEN_DEAL, Fate.OPEN_DEAL, Fate.OPEN_DEAL, Fate.OPEN_DEAL,
                Fate.WON, Fate.WON, Fate.LOST, Fate.LOST));
        String rep = pick(random, List.of(SAM, SAM, SAM, SALLY, SALLY, SALLY, SOTA, SOTA));
        boolean selfAssigned = random.nextInt(10) < 3;
        RejectionReason rejection = pick(random, List.of(RejectionReason.NOT_A_FIT, RejectionReason.NOT_A_FIT,
                RejectionReason.NOT_A_FIT, RejectionReason.NO_BUDGET, RejectionReason.NO_BUDGET,
                RejectionReason.NOT_READY, RejectionReason.NOT_READY, RejectionReason.BAD_CONTACT_DATA,
                RejectionReason.DUPLICATE, RejectionReason.OTHER));
        LossReason loss = pick(random, List.of(LossReason.PRICE, LossReason.PRICE, LossReason.PRICE,
                LossReason.COMPETITOR, LossReason.COMPETITOR, LossReason.NO_DECISION, LossReason.NO_DECISION,
                LossReason.TIMING, LossReason.PRODUCT_FIT));
        // deals of ¥300,000 to ¥3,000,000 in steps of ¥10,000, smaller ones more often
        long amount = 300_000 + Math.round(Math.pow(random.nextDouble(), 1.6) * 270) * 10_000;
        Integer csat = random.nextInt(10) < 8 ? pick(random, List.of(5, 5, 5, 5, 4, 4, 4, 4, 4, 3)) : null;
        String csatComment = random.nextInt(3) == 0 ? pick(random, CSAT_COMMENTS) : null;
        SalesTouch salesTouch = pick(random, SALES_TOUCHES);
        int touchRoll = random.nextInt(10);
        TouchPlan touch = TouchPlan.NONE;
        if ((fate == Fate.OPEN_DEAL || fate == Fate.WON || fate == Fate.LOST) && touchRoll < 3) {
            touch = TouchPlan.SALES_CALL;
        }
        // marketing nurtures only leads sales never touches: a touch by both teams within a day is a conflict
        if ((fate == Fate.UNASSIGNED || !qualifyIfNew) && touchRoll < 1) {
            touch = TouchPlan.NURTURE;
        }
        return new Journey(qualifyIfNew, fate, rep, selfAssigned, rejection, loss, amount, csat, csatComment, touch,
                salesTouch);
    }

    /** Gives {@code count} campaign leads of one of these fates, and no touch yet, a conflicting touch. */
    private static void markConflicts(Random random, List<LeadSpec> leads, TouchPlan plan, int count, Set<Fate> fates) {
        List<Integer> order = IntStream.range(0, leads.size()).boxed().collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(order, random);
        int marked = 0;
        for (int i : order) {
            LeadSpec lead = leads.get(i);
            if (marked < count && lead.campaign() != null && lead.journey().touch() == TouchPlan.NONE
                    && fates.contains(lead.journey().fate())) {
                leads.set(i, new LeadSpec(lead.person(), lead.channel(), lead.campaign(),
                        lead.journey().conflicting(plan)));
                marked++;
            }
        }
    }

    /** A few summit visitors sign up again, for the webinar and for the newsletter. */
    private static List<Resubmission> resubmissions(List<LeadSpec> leads) {
        CampaignSpec summit = CAMPAIGNS.get(0);
        List<LeadSpec> visitors = leads.stream().filter(lead -> lead.campaign() == summit).toList();
        return List.of(new Resubmission(visitors.get(20), CAMPAIGNS.get(1)),
                new Resubmission(visitors.get(40), CAMPAIGNS.get(2)),
                new Resubmission(visitors.get(60), CAMPAIGNS.get(1)),
                new Resubmission(visitors.get(80), CAMPAIGNS.get(2)));
    }

    // ---------------------------------------------------------------------------------------- pure helpers

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A JSON body from key-value pairs, in order, without the null values. */
    // ------------------------------------------------------------------------------ routing and engagement

    /** A routing rule of the demo: a campaign (by its index in {@link #CAMPAIGNS}) and/or a channel, or the default. */
    record RuleSpec(String name, Integer campaign, String channel, boolean defaultRule, List<Seat> reps) {
    }

    /** A rep of a rule's pool and the most assigned MQLs awaiting their answer they may hold. */
    record Seat(String repId, int capacity) {
    }

    /**
     * Set up once the journeys are done (the journeys assign by hand, as the team did before routing): the
     * summit's leads go to its two reps, referrals to the senior ones, everything else to the whole team.
     */
    static final List<RuleSpec> ROUTING = List.of(
            new RuleSpec("Summit leads to the summit team", 0, null, false, List.of(new Seat(SAM, 40), new Seat(SALLY, 40))),
            new RuleSpec("Referrals to the partner reps", null, "REFERRAL", false,
                    List.of(new Seat(SOTA, 30), new Seat(SALLY, 30))),
            new RuleSpec("Everyone else, in turn", null, null, true,
                    List.of(new Seat(SAM, 40), new Seat(SALLY, 40), new Seat(SOTA, 40))));
    /** The rep on holiday for the next days: the router passes them over. */
    static final String AWAY_REP = SOTA;
    static final int AWAY_DAYS = 3;

    /** What an engaged prospect did (54 points before decay: enough to make most NEW leads MQLs). */
    static final List<String> ENGAGED = List.of("EVENT_ATTENDED", "REPLIED", "CONTENT_DOWNLOADED", "LINK_CLICKED",
            "EMAIL_OPENED", "EMAIL_OPENED");
    /** What a warming prospect did: a few points, still NEW. */
    static final List<String> WARMING = List.of("EMAIL_OPENED", "PAGE_VISITED");
    static final int ENGAGED_LEADS = 6;
    static final int WARMING_LEADS = 8;

    /**
     * The activity the marketing tools report for the first {@link #ENGAGED_LEADS} of the NEW leads (engaged)
     * and the next {@link #WARMING_LEADS} (warming): per lead its e-mail, per activity its kind and how many hours
     * ago it happened, and an external id made of both, so a second load would repeat nothing.
     */
    static List<Map<String, Object>> activities(List<String> newLeadEmails, java.time.Instant now) {
        List<Map<String, Object>> activities = new ArrayList<>();
        for (int i = 0; i < newLeadEmails.size() && i < ENGAGED_LEADS + WARMING_LEADS; i++) {
            List<String> kinds = i < ENGAGED_LEADS ? ENGAGED : WARMING;
            for (int j = 0; j < kinds.size(); j++) {
                int hoursAgo = 2 + i * 3 + j * 5;
                activities.add(fields("externalId", "demo-" + newLeadEmails.get(i) + "-" + j, "kind", kinds.get(j),
                        "email", newLeadEmails.get(i), "occurredAt", now.minus(java.time.Duration.ofHours(hoursAgo)).toString()));
            }
        }
        return activities;
    }

    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                body.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return body;
    }

    static final String CSV_HEADER = "email,name,company,title,phone,campaignId,channel";

    /** One import line: the person, the channel they came through, the campaign (or null). */
    static String csvLine(Person person, Channel channel, UUID campaignId) {
        return String.join(",", csvField(person.email()), csvField(person.name()), csvField(person.company()),
                csvField(person.title()), csvField(person.phone()),
                csvField(campaignId == null ? null : campaignId.toString()), csvField(channel.name()));
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled; null is empty. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** "REASON=count", most frequent first, ties by name, at most {@code limit}: how a round summary lists them. */
    static List<String> topReasons(Collection<? extends Enum<?>> reasons, int limit) {
        Map<String, Long> counts = reasons.stream().collect(Collectors.groupingBy(Enum::name, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long> comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .toList();
    }

    /** The quarter that contains {@code day}: its first and last day. */
    static LocalDate[] quarterOf(LocalDate day) {
        LocalDate start = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
        return new LocalDate[] { start, start.plusMonths(3).minusDays(1) };
    }
}
