package io.smarketing.leads.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smarketing.events.ActivityKind;
import io.smarketing.events.Channel;
import io.smarketing.leads.domain.AssignmentRules;
import io.smarketing.leads.domain.ConflictRules;
import io.smarketing.leads.domain.EngagementRules;
import io.smarketing.leads.domain.ScoringRules;

/** leads-service's settings; every key has a production default. */
@ConfigMapping(prefix = "leads")
public interface LeadsConfig {

    /** Score from which a new lead is an MQL at once (0–100). */
    @WithDefault("60")
    int mqlThreshold();

    /**
     * How long a sales rep has to accept or reject an assigned lead: a number of hours ({@code 24}) or a
     * duration ({@code PT3S}, {@code 90m}), so tests and demos can use seconds.
     */
    @WithDefault("24")
    @WithConverter(HoursOrDuration.class)
    Duration followUpHours();

    /**
     * The sales users leads may be assigned to: user names as the tokens carry them, or prefixes ending in
     * {@code *}. The default is the demo team and the names the tests use; a deployment lists its own.
     */
    @WithDefault("sam,sally,sota,sam-*")
    Set<String> salesUsers();

    /** Touches by both teams closer together than this conflict; hours or a duration, like follow-up-hours. */
    @WithDefault("24")
    @WithConverter(HoursOrDuration.class)
    Duration touchWindowHours();

    /**
     * How often the SLA job looks for overdue assignments ({@code 1m}, {@code 1s}, …). Read by the
     * {@code @Scheduled} expression; here so that it is documented and typed with the rest.
     */
    @WithDefault("1m")
    Duration slaCheckInterval();

    /** How many overdue leads the SLA job reports per transaction. */
    @WithDefault("500")
    int slaBatchSize();

    /** The most data lines one CSV import may hold. */
    @WithDefault("20000")
    int importMaxLines();

    /** The most bytes one CSV import may hold (8 MiB: 20,000 lines of about 400 characters). */
    @WithDefault("8388608")
    long importMaxBytes();

    Scoring scoring();

    Engagement engagement();

    Routing routing();

    /** Engagement scoring: points per kind of prospect activity, and how fast they fade. */
    interface Engagement {

        /** Engagement points lose half their worth every this long (an ISO duration, {@code P30D}, or {@code 72h}). */
        @WithDefault("P30D")
        Duration halfLife();

        ActivityPoints points();
    }

    /** Points per kind of activity: a reply or an event attended says far more than an opened e-mail. */
    interface ActivityPoints {

        @WithDefault("2")
        int emailOpened();

        @WithDefault("5")
        int linkClicked();

        @WithDefault("3")
        int pageVisited();

        @WithDefault("10")
        int contentDownloaded();

        @WithDefault("20")
        int eventAttended();

        @WithDefault("15")
        int replied();

        @WithDefault("1")
        int other();
    }

    /** The router: it assigns waiting MQLs right after each change that may let it, and also this often. */
    interface Routing {

        /**
         * How often the router looks at the waiting MQLs without being woken: for a rep's away period ending, or
         * a change on another replica. Read by the router's thread.
         */
        @WithDefault("2s")
        Duration interval();

        /** Waiting MQLs looked at per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    /** Points of the scoring rules; the defaults add up to 100 for a complete, senior, campaign-sourced referral. */
    interface Scoring {

        ChannelPoints channel();

        /** Company known. */
        @WithDefault("15")
        int company();

        /** Job title known. */
        @WithDefault("10")
        int title();

        /** Extra points when the title contains one of {@link #seniorTitleWords()} as whole words. */
        @WithDefault("10")
        int seniorTitle();

        @WithDefault("chief,ceo,cfo,cmo,coo,cto,cio,founder,co-founder,owner,president,vp,vice president,head,director")
        Set<String> seniorTitleWords();

        /** Phone number known. */
        @WithDefault("10")
        int phone();

        /** The lead came from a campaign. */
        @WithDefault("15")
        int campaign();

        /** The e-mail domain is not one of {@link #freeEmailDomains()}. */
        @WithDefault("10")
        int businessEmail();

        @WithDefault("gmail.com,googlemail.com,yahoo.com,yahoo.co.jp,hotmail.com,outlook.com,live.com,msn.com,"
                + "icloud.com,me.com,aol.com,gmx.com,gmx.net,mail.com,proton.me,protonmail.com,yandex.com")
        Set<String> freeEmailDomains();
    }

    /** Points per source channel: warm introductions score highest, broad reach lowest. */
    interface ChannelPoints {

        @WithDefault("30")
        int referral();

        @WithDefault("25")
        int event();

        @WithDefault("15")
        int web();

        @WithDefault("15")
        int email();

        @WithDefault("10")
        int ads();

        @WithDefault("10")
        int social();

        @WithDefault("5")
        int other();
    }

    default ScoringRules scoringRules() {
        Scoring s = scoring();
        ChannelPoints c = s.channel();
        Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.REFERRAL, c.referral());
        channels.put(Channel.EVENT, c.event());
        channels.put(Channel.WEB, c.web());
        channels.put(Channel.EMAIL, c.email());
        channels.put(Channel.ADS, c.ads());
        channels.put(Channel.SOCIAL, c.social());
        channels.put(Channel.OTHER, c.other());
        return new ScoringRules(channels, s.company(), s.title(), s.seniorTitle(), s.seniorTitleWords(), s.phone(),
                s.campaign(), s.businessEmail(), s.freeEmailDomains(), mqlThreshold());
    }

    default EngagementRules engagementRules() {
        ActivityPoints p = engagement().points();
        Map<ActivityKind, Integer> points = new EnumMap<>(ActivityKind.class);
        points.put(ActivityKind.EMAIL_OPENED, p.emailOpened());
        points.put(ActivityKind.LINK_CLICKED, p.linkClicked());
        points.put(ActivityKind.PAGE_VISITED, p.pageVisited());
        points.put(ActivityKind.CONTENT_DOWNLOADED, p.contentDownloaded());
        points.put(ActivityKind.EVENT_ATTENDED, p.eventAttended());
        points.put(ActivityKind.REPLIED, p.replied());
        points.put(ActivityKind.OTHER, p.other());
        return new EngagementRules(points, engagement().halfLife());
    }

    default AssignmentRules assignmentRules() {
        return new AssignmentRules(salesUsers(), followUpHours());
    }

    default ConflictRules conflictRules() {
        return new ConflictRules(touchWindowHours());
    }
}
