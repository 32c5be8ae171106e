package io.smarketing.leads.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.ActivityKind;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadLost;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadRejected;
import io.smarketing.events.LeadScored;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LeadTouched;
import io.smarketing.events.LeadWon;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.Team;

/**
 * A person marketing captured and sales follows up. Its stage changes only through its own methods, which
 * ask {@link LeadLifecycle} first, check who may act, and return the event describing the change.
 * A forbidden transition throws before anything changes (409); so does a non-owner (403).
 */
@Entity
@Table(name = "lead")
public class Lead {

    /** The acting user of assignments the router makes. */
    public static final String ROUTER = "router";
    /** The acting user of qualifications engagement scoring makes. */
    public static final String SCORING = "scoring";

    @Id
    private UUID id;
    private String email;
    private String name;
    private String company;
    private String title;
    private String phone;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    /** The fit score: points from what is known about the lead, by the scoring rules at capture. */
    private int score;
    /** Engagement points as of {@code engagementAt}; they decay by {@link EngagementRules} from there. */
    private double engagement;
    @Column(name = "engagement_at")
    private Instant engagementAt;
    /** When the lead became an MQL in its current cycle: where the handoff to sales starts. */
    @Column(name = "mql_at")
    private Instant mqlAt;
    @Enumerated(EnumType.STRING)
    private LeadStage stage;
    @Column(name = "owner_id")
    private String ownerId;
    @Column(name = "sla_due_at")
    private Instant slaDueAt;
    /** Set (only) by the SLA job when it reported this assignment as breached. */
    @Column(name = "sla_breached_at")
    private Instant slaBreachedAt;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "within_sla")
    private Boolean withinSla;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason")
    private RejectionReason rejectionReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "loss_reason")
    private LossReason lossReason;
    private BigDecimal amount;
    private String currency;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Lead() {
    }

    /** A new lead, scored by the rules: an MQL at once when the score reaches the threshold. */
    public static Capture capture(NewLead details, ScoringRules scoring, String by, Instant now) {
        Lead lead = new Lead();
        lead.id = UUID.randomUUID();
        lead.email = details.email();
        lead.name = details.name();
        lead.company = details.company();
        lead.title = details.title();
        lead.phone = details.phone();
        lead.campaignId = details.campaignId();
        lead.channel = details.channel();
        lead.score = scoring.score(details);
        lead.stage = scoring.stageFor(lead.score);
        lead.mqlAt = lead.stage == LeadStage.MQL ? now : null;
        lead.createdAt = now;
        lead.updatedAt = now;
        return new Capture(lead, new LeadCreated(lead.id, lead.campaignId, lead.stage, lead.email, lead.name,
                lead.company, lead.channel, lead.score, by, now));
    }

    /** The outcome of a capture: the lead to store and the event to publish with it. */
    public record Capture(Lead lead, LeadCreated event) {
    }

    /** What a capture needs to know about the person; text is trimmed and blank optional values are absent. */
    public record NewLead(String email, String name, String company, String title, String phone, UUID campaignId,
            Channel channel) {

        public NewLead {
            email = email == null ? null : email.trim();
            name = name == null ? null : name.trim();
            company = optional(company);
            title = optional(title);
            phone = optional(phone);
        }

        private static String optional(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /**
     * NEW → MQL, or REJECTED → MQL (re-qualified: back in the pool, unassigned, with a fresh SLA to come); the
     * event carries the score at that moment.
     */
    public LeadQualified qualify(String by, EngagementRules rules, Instant now) {
        return qualify(by, score(rules, now), now);
    }

    private LeadQualified qualify(String by, int scoreNow, Instant now) {
        LeadStage next = permit(LeadAction.QUALIFY, by);
        if (stage == LeadStage.REJECTED) {
            ownerId = null;
            slaDueAt = null;
            slaBreachedAt = null;
            respondedAt = null;
            withinSla = null;
            rejectionReason = null;
        }
        mqlAt = now;
        moveTo(next, now);
        return new LeadQualified(id, campaignId, stage, scoreNow, by, now);
    }

    /**
     * Gives the MQL to a sales rep. Marketing may give any MQL to any sales user; a sales rep may only take an
     * MQL nobody owns, for themselves (403 otherwise), so a rep can never take over a colleague's lead. The
     * owner owes an answer by {@code now + followUp} of the first assignment of this SLA cycle: a reassignment
     * keeps that deadline, and a breach already reported stays reported (the cycle ends with the answer or a
     * re-qualification).
     */
    public LeadAssigned assign(String newOwner, Team team, AssignmentRules rules, String by, Instant now) {
        LeadStage next = permit(LeadAction.ASSIGN, by);
        if (team == Team.SALES && isAssigned()) {
            throw ProblemException.forbidden("Lead " + id + " is owned by " + ownerId
                    + "; reassigning a lead that has an owner is marketing's");
        }
        if (team == Team.SALES && !newOwner.equals(by)) {
            throw ProblemException.forbidden("A sales rep may assign an MQL only to themselves, not to " + newOwner);
        }
        if (!rules.isSalesUser(newOwner)) {
            throw ProblemException.unprocessable("ownerId", newOwner + " is not a sales user");
        }
        if (newOwner.equals(ownerId)) {
            // re-assigning to the same rep says nothing new
            throw ProblemException.conflict("Lead " + id + " is already assigned to " + ownerId);
        }
        return handTo(newOwner, next, rules, null, by, now);
    }

    /**
     * The router gives an MQL nobody owns to the rep its rule chose ({@code by} = {@value #ROUTER}); the same
     * SLA as a person's assignment.
     */
    public LeadAssigned route(String newOwner, UUID ruleId, AssignmentRules rules, Instant now) {
        LeadStage next = permit(LeadAction.ASSIGN, ROUTER);
        if (isAssigned()) {
            throw ProblemException.conflict("Lead " + id + " is already assigned to " + ownerId);
        }
        return handTo(newOwner, next, rules, ruleId, ROUTER, now);
    }

    /** The first assignment of an SLA cycle is the handoff: it starts the SLA and its event says since when the MQL waited. */
    private LeadAssigned handTo(String newOwner, LeadStage next, AssignmentRules rules, UUID ruleId, String by,
            Instant now) {
        boolean handoff = slaDueAt == null;
        ownerId = newOwner;
        if (handoff) {
            slaDueAt = now.plus(rules.followUp());
        }
        moveTo(next, now);
        return new LeadAssigned(id, campaignId, stage, ownerId, slaDueAt, by, now, ruleId, handoff ? mqlAt : null);
    }

    /** The score now: fit plus the engagement decayed to {@code now}, capped at 100. */
    public int score(EngagementRules rules, Instant now) {
        return Math.min(ScoringRules.MAX_SCORE, score + engagementScore(rules, now));
    }

    /** The engagement points decayed to {@code now}, rounded. */
    public int engagementScore(EngagementRules rules, Instant now) {
        return (int) Math.round(rules.decayed(engagement, engagementAt, now));
    }

    /** What one piece of prospect activity did: the score event, and the qualification when it crossed the threshold. */
    public record Engaged(LeadScored scored, LeadQualified qualified) {
    }

    /**
     * The prospect did something worth {@code points} at {@code activityAt}: the points, decayed from then, join
     * the lead's engagement (kept as of the later of now and the last activity, so a replica with a slower
     * clock never makes old points grow). A NEW lead whose score reaches {@code mqlThreshold} becomes an MQL
     * ({@code by} {@value #SCORING}); a lead sales rejected stays with marketing, whose call re-qualifying it is.
     */
    public Engaged engage(ActivityKind kind, String activityId, Instant activityAt, int points, EngagementRules rules,
            int mqlThreshold, String by, Instant now) {
        int previous = score(rules, now);
        Instant asOf = engagementAt == null || now.isAfter(engagementAt) ? now : engagementAt;
        engagement = rules.decayed(engagement, engagementAt, asOf) + rules.decayed(points, activityAt, asOf);
        engagementAt = asOf;
        updatedAt = now;
        int current = score(rules, now);
        LeadScored scored = new LeadScored(id, campaignId, stage, current, previous, score, engagementScore(rules, now),
                kind, activityId, activityAt, points, by, now);
        LeadQualified qualified = stage == LeadStage.NEW && current >= mqlThreshold ? qualify(SCORING, current, now)
                : null;
        return new Engaged(scored, qualified);
    }

    /** The owner takes the MQL on: it becomes an SQL; answering by {@code slaDueAt} meets the SLA. */
    public LeadAccepted accept(String by, Instant now) {
        LeadStage next = permit(LeadAction.ACCEPT, by);
        respond(now);
        acceptedAt = now;
        moveTo(next, now);
        return new LeadAccepted(id, campaignId, stage, ownerId, respondedAt, withinSla, by, now);
    }

    /** The owner sends the MQL back to marketing, with a reason counted in feedback rounds. */
    public LeadRejected reject(RejectionReason reason, String note, String by, Instant now) {
        LeadStage next = permit(LeadAction.REJECT, by);
        respond(now);
        rejectionReason = reason;
        moveTo(next, now);
        return new LeadRejected(id, campaignId, stage, reason, note, respondedAt, withinSla, by, now);
    }

    public LeadWon win(BigDecimal dealAmount, String dealCurrency, String by, Instant now) {
        LeadStage next = permit(LeadAction.WIN, by);
        if (dealAmount == null || dealAmount.signum() <= 0) {
            throw ProblemException.unprocessable("amount", "must be greater than 0");
        }
        amount = dealAmount;
        currency = dealCurrency;
        closedAt = now;
        moveTo(next, now);
        return new LeadWon(id, campaignId, stage, amount, currency, by, now);
    }

    public LeadLost lose(LossReason reason, String note, String by, Instant now) {
        LeadStage next = permit(LeadAction.LOSE, by);
        lossReason = reason;
        closedAt = now;
        moveTo(next, now);
        return new LeadLost(id, campaignId, stage, reason, note, by, now);
    }

    /**
     * Someone from {@code team} contacted the lead. Sales touches belong to the owning rep only; the conflict
     * rules decide whether the touch clashes with the other team's work or the campaign's key message.
     *
     * @param otherTeamsLastTouch when the other team last contacted the lead, or null
     * @param keyMessage the key message of the touch's campaign (or of the lead's source campaign), or null
     */
    public Touched touch(Touch.NewTouch details, Team team, ConflictRules rules, Instant otherTeamsLastTouch,
            String keyMessage, String by, Instant now) {
        requireToucher(team, by);
        String conflict = rules.conflict(new ConflictRules.Touch(team, acceptedAt != null, otherTeamsLastTouch,
                details.messageKey(), keyMessage, now));
        return touched(Touch.of(id, team, details, conflict, false, by, now));
    }

    /** Sales touches belong to the rep who owns the lead (403 for anyone else); marketing may always touch. */
    public void requireToucher(Team team, String by) {
        if (team == Team.SALES && !by.equals(ownerId)) {
            throw ProblemException.forbidden("Only the sales rep who owns lead " + id + " may log sales touches on it");
        }
    }

    /**
     * The same person was submitted again while this lead is open: no second lead, but the submission is
     * logged as a marketing touch (it may name another campaign, which matters for attribution).
     */
    public Touched resubmitted(NewLead submission, String by, Instant now) {
        String subject = "Submitted again via " + submission.channel().name().toLowerCase(Locale.ROOT);
        Touch.NewTouch details = new Touch.NewTouch(submission.channel(), subject, null, submission.campaignId());
        return touched(Touch.of(id, Team.MARKETING, details, null, true, by, now));
    }

    /** A touch to store and the event to publish with it. */
    public record Touched(Touch touch, LeadTouched event) {
    }

    private Touched touched(Touch touch) {
        return new Touched(touch, new LeadTouched(id, campaignId, stage, touch.id(), touch.team(), touch.channel(),
                touch.subject(), touch.messageKey(), touch.campaignId(), touch.conflict(), touch.by(),
                touch.occurredAt()));
    }

    /** Who may act, then whether the state allows it: the stage after the action, or a problem. */
    private LeadStage permit(LeadAction action, String by) {
        if (action.ownerOnly() && ownerId != null && !ownerId.equals(by)) {
            throw ProblemException.forbidden("Lead " + id + " is owned by " + ownerId + "; only they may "
                    + verb(action) + " it");
        }
        return LeadLifecycle.next(stage, isAssigned(), action).orElseThrow(() -> ProblemException.conflict(
                "Lead " + id + " is " + describeState() + ": it cannot be " + participle(action)));
    }

    private void respond(Instant now) {
        respondedAt = now;
        withinSla = !now.isAfter(slaDueAt);
    }

    private void moveTo(LeadStage next, Instant now) {
        stage = next;
        updatedAt = now;
    }

    private String describeState() {
        return stage == LeadStage.MQL ? (isAssigned() ? "an MQL assigned to " + ownerId : "an MQL nobody is assigned to")
                : "in stage " + stage;
    }

    private static String verb(LeadAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    private static String participle(LeadAction action) {
        return switch (action) {
            case QUALIFY -> "qualified";
            case ASSIGN -> "assigned";
            case ACCEPT -> "accepted";
            case REJECT -> "rejected";
            case WIN -> "won";
            case LOSE -> "lost";
        };
    }

    public boolean isAssigned() {
        return ownerId != null;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String company() {
        return company;
    }

    public String title() {
        return title;
    }

    public String phone() {
        return phone;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public Channel channel() {
        return channel;
    }

    /** The fit score alone; {@link #score(EngagementRules, Instant)} adds the engagement. */
    public int score() {
        return score;
    }

    public Instant mqlAt() {
        return mqlAt;
    }

    public LeadStage stage() {
        return stage;
    }

    public String ownerId() {
        return ownerId;
    }

    public Instant slaDueAt() {
        return slaDueAt;
    }

    public Instant slaBreachedAt() {
        return slaBreachedAt;
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    public Boolean withinSla() {
        return withinSla;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public RejectionReason rejectionReason() {
        return rejectionReason;
    }

    public LossReason lossReason() {
        return lossReason;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
