package io.smarketing.leads.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smarketing.chassis.api.Page;
import io.quarkus.runtime.Startup;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.LeadEvent;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.Team;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.AssignmentRules;
import io.smarketing.leads.domain.CampaignReplica;
import io.smarketing.leads.domain.ConflictRules;
import io.smarketing.leads.domain.EngagementRules;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.domain.ScoringRules;
import io.smarketing.leads.domain.TimelineEntry;
import io.smarketing.leads.domain.Touch;
import io.smarketing.leads.persistence.LeadRepository;
import io.smarketing.leads.persistence.TimelineRepository;
import io.smarketing.leads.persistence.TouchRepository;

/**
 * The transaction boundary of leads-service: each change, its timeline entry and its event commit together.
 * Created at startup, so that scoring or conflict settings that make no sense stop the service right away.
 */
@Startup
@ApplicationScoped
public class LeadService {

    private final LeadRepository leads;
    private final TouchRepository touches;
    private final TimelineRepository timeline;
    private final CampaignReplicas campaigns;
    private final LeadHistory history;
    private final LeadsConfig config;
    private final ScoringRules scoring;
    private final ConflictRules conflicts;
    private final AssignmentRules assignment;
    private final EngagementRules engagement;
    private final String currency;
    private final Clock clock;

    LeadService(LeadRepository leads, TouchRepository touches, TimelineRepository timeline, CampaignReplicas campaigns,
            LeadHistory history, LeadsConfig config,
            @ConfigProperty(name = "smarketing.currency") String currency, Clock clock) {
        this.leads = leads;
        this.touches = touches;
        this.timeline = timeline;
        this.campaigns = campaigns;
        this.history = history;
        this.config = config;
        this.scoring = config.scoringRules();
        this.conflicts = config.conflictRules();
        this.assignment = config.assignmentRules();
        this.engagement = config.engagementRules();
        this.currency = currency;
        this.clock = clock;
    }

    /** The lead, and whether this submission created it (false: an open lead had the e-mail already). */
    public record Captured(Lead lead, boolean created) {
    }

    /**
     * Captures a lead, or, when an open lead has the same e-mail, logs the submission as a touch on it.
     * Submissions of one e-mail are serialized by the open-e-mail index, so a double-click gives one lead and
     * one touch, not an error. A new lead costs one insert each for the lead, its timeline entry and its event.
     */
    @Transactional
    public Captured capture(Lead.NewLead details, String by) {
        if (details.campaignId() != null) {
            campaigns.requireKnown(details.campaignId(), "campaignId");
        }
        Instant now = Instant.now(clock);
        Lead.Capture capture = Lead.capture(details, scoring, by, now);
        if (leads.insertIfNoOpenLead(capture.lead())) {
            history.record(capture.event());
            return new Captured(capture.lead(), true);
        }
        Lead existing = leads.findOpenByEmail(details.email()).orElseThrow(() -> ProblemException.conflict(
                "The open lead with this e-mail was closed at the same moment; send the request again"));
        Lead.Touched touched = existing.resubmitted(details, by, now);
        touches.persist(touched.touch());
        history.record(touched.event());
        return new Captured(existing, false);
    }

    @Transactional
    public Lead qualify(UUID id, String by) {
        return change(id, lead -> lead.qualify(by, engagement, Instant.now(clock)));
    }

    @Transactional
    public Lead assign(UUID id, String ownerId, Team team, String by) {
        return change(id, lead -> lead.assign(ownerId.trim(), team, assignment, by, Instant.now(clock)));
    }

    @Transactional
    public Lead accept(UUID id, String by) {
        return change(id, lead -> lead.accept(by, Instant.now(clock)));
    }

    @Transactional
    public Lead reject(UUID id, RejectionReason reason, String note, String by) {
        return change(id, lead -> lead.reject(reason, blankToNull(note), by, Instant.now(clock)));
    }

    @Transactional
    public Lead win(UUID id, BigDecimal amount, String by) {
        return change(id, lead -> lead.win(amount, currency, by, Instant.now(clock)));
    }

    @Transactional
    public Lead lose(UUID id, LossReason reason, String note, String by) {
        return change(id, lead -> lead.lose(reason, blankToNull(note), by, Instant.now(clock)));
    }

    /** Logs a contact by the caller's team, with the conflict rules applied. */
    @Transactional
    public Touch touch(UUID id, Touch.NewTouch details, Team team, String by) {
        Lead lead = get(id);
        lead.requireToucher(team, by);
        String keyMessage = keyMessageFor(lead, details.campaignId());
        Team otherTeam = team == Team.MARKETING ? Team.SALES : Team.MARKETING;
        Instant otherTeamsLastTouch = touches.lastContact(id, otherTeam).orElse(null);
        Lead.Touched touched = lead.touch(details, team, conflicts, otherTeamsLastTouch, keyMessage, by,
                Instant.now(clock));
        touches.persist(touched.touch());
        history.record(touched.event());
        return touched.touch();
    }

    @Transactional(TxType.SUPPORTS)
    public Lead get(UUID id) {
        return leads.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Lead", id));
    }

    @Transactional(TxType.SUPPORTS)
    public Page<Lead> list(LeadRepository.Filter filter, LeadRepository.Order order, int page, int size) {
        return Page.of(leads.search(filter, order), page, size);
    }

    @Transactional(TxType.SUPPORTS)
    public List<TimelineEntry> timeline(UUID id) {
        get(id);
        return timeline.ofLead(id);
    }

    /**
     * Applies one transition and records its event. The flush sends the versioned update now, so a
     * concurrent transition that won the race surfaces here as an optimistic-lock failure (409).
     */
    private Lead change(UUID id, Function<Lead, LeadEvent> transition) {
        Lead lead = get(id);
        LeadEvent event = transition.apply(lead);
        leads.flushChanges();
        history.record(event);
        return lead;
    }

    /** The key message a touch must use: its own campaign's (which must be known: 422), else the lead's source one's. */
    private String keyMessageFor(Lead lead, UUID touchCampaignId) {
        if (touchCampaignId != null) {
            return campaigns.requireKnown(touchCampaignId, "campaignId").keyMessage();
        }
        return lead.campaignId() == null ? null
                : campaigns.find(lead.campaignId()).map(CampaignReplica::keyMessage).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
