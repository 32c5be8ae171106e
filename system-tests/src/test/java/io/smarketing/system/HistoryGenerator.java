package io.smarketing.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.smarketing.events.Channel;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadSlaBreached;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.Team;

/**
 * A year of leads as leads-service would have published them, each lead's events in order: created over the last
 * 365 days across the campaigns (a tenth without one), then each goes its way with a realistic mix: a fifth
 * are MQLs at once and a quarter qualify later; nine in ten MQLs are assigned (SLA 24 h); of those 55 % are
 * accepted, 25 % rejected and the rest left unanswered (breached once due); of the SQLs 30 % are won and 40 %
 * lost; a third of the leads get a touch, 5 % of them conflicts. Nothing lies in the future. Deterministic for
 * a seed, apart from "now".
 */
final class HistoryGenerator {

    static final Duration HISTORY = Duration.ofDays(365);
    private static final Duration SLA = Duration.ofHours(24);
    private static final List<String> SALES = List.of("sam", "sally", "sota");
    private static final Channel[] CHANNELS = Channel.values();
    private static final RejectionReason[] REJECTIONS = RejectionReason.values();
    private static final LossReason[] LOSSES = LossReason.values();

    private final Random random;
    private final List<UUID> campaigns;
    private final Instant now;
    private long leads;

    HistoryGenerator(long seed, List<UUID> campaigns, Instant now) {
        this.random = new Random(seed);
        this.campaigns = List.copyOf(campaigns);
        this.now = now;
    }

    /** The events of the next lead, in the order they happened. */
    List<LeadEvent> nextLead() {
        leads++;
        List<LeadEvent> events = new ArrayList<>(6);
        UUID lead = new UUID(0x5EED_0000_0000_0000L | leads, random.nextLong());
        UUID campaign = random.nextInt(10) == 0 ? null : campaigns.get(random.nextInt(campaigns.size()));
        Instant created = now.minus(HISTORY).plusSeconds((long) (random.nextDouble() * (HISTORY.toSeconds() - 3600)));
        boolean mqlAtOnce = random.nextInt(5) == 0;
        events.add(new LeadCreated(lead, campaign, mqlAtOnce ? LeadStage.MQL : LeadStage.NEW, "lead" + leads + "@history.example",
                "Lead " + leads, "Company " + (leads % 5000), CHANNELS[random.nextInt(CHANNELS.length)],
                mqlAtOnce ? 70 : 30 + random.nextInt(25), "mia", created));
        Instant at = created;
        if (random.nextInt(3) == 0) {
            Instant touched = later(at, Duration.ofDays(3));
            if (touched != null) {
                boolean conflict = random.nextInt(20) == 0;
                events.add(new LeadTouched(lead, campaign, mqlAtOnce ? LeadStage.MQL : LeadStage.NEW, UUID.randomUUID(),
                        Team.MARKETING, Channel.EMAIL, "Following up", null, campaign,
                        conflict ? "a message other than the campaign's key message" : null, "mia", touched));
            }
        }
        if (!mqlAtOnce) {
            if (random.nextInt(100) >= 31) { // a quarter of all leads qualify later (31 % of the other 80 %)
                return events;
            }
            at = later(at, Duration.ofDays(2));
            if (at == null) {
                return events;
            }
            events.add(new LeadQualified(lead, campaign, LeadStage.MQL, 65, "mia", at));
        }
        if (random.nextInt(10) == 0 || (at = later(at, Duration.ofDays(1))) == null) {
            return events;
        }
        String owner = SALES.get(random.nextInt(SALES.size()));
        Instant due = at.plus(SLA);
        events.add(new LeadAssigned(lead, campaign, LeadStage.MQL, owner, due, "mia", at));
        int answer = random.nextInt(100);
        if (answer >= 80) {
            if (!due.isAfter(now)) {
                events.add(new LeadSlaBreached(lead, campaign, LeadStage.MQL, owner, due, "system", due));
            }
            return events;
        }
        Instant responded = later(at, Duration.ofHours(36));
        if (responded == null) {
            return events;
        }
        boolean withinSla = !responded.isAfter(due);
        if (answer >= 55) {
            events.add(new LeadRejected(lead, campaign, LeadStage.REJECTED, REJECTIONS[random.nextInt(REJECTIONS.length)],
                    null, responded, withinSla, owner, responded));
            return events;
        }
        events.add(new LeadAccepted(lead, campaign, LeadStage.SQL, owner, responded, withinSla, owner, responded));
        int outcome = random.nextInt(10);
        Instant closed = later(responded, Duration.ofDays(60));
        if (closed == null || outcome >= 7) {
            return events;
        }
        if (outcome < 3) {
            events.add(new LeadWon(lead, campaign, LeadStage.WON, BigDecimal.valueOf(100_000L * (3 + random.nextInt(298))),
                    "JPY", owner, closed));
        } else {
            events.add(new LeadLost(lead, campaign, LeadStage.LOST, LOSSES[random.nextInt(LOSSES.length)], null, owner, closed));
        }
        return events;
    }

    /** A time up to {@code within} after {@code at}, or null when that would lie in the future. */
    private Instant later(Instant at, Duration within) {
        Instant next = at.plusSeconds(60 + (long) (random.nextDouble() * within.toSeconds()));
        return next.isAfter(now) ? null : next;
    }
}
