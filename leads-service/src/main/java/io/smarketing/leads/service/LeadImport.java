package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.smarketing.events.LeadEvent;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.domain.ScoringRules;
import io.smarketing.leads.domain.Touch;
import io.smarketing.leads.persistence.LeadRepository;
import io.smarketing.leads.persistence.TouchRepository;

/**
 * Bulk capture from a CSV file: each line is what {@code POST /api/leads} would do with it (scoring, MQL,
 * dedupe into a touch, campaign check), but the whole file is one transaction written in chunks with JDBC
 * batches. Lines that break a rule are reported and skipped; they never stop the valid ones.
 */
@ApplicationScoped
public class LeadImport {

    /** Lines per chunk: one dedupe query, one JDBC batch per table and a cleared persistence context each. */
    static final int CHUNK = 500;

    private final LeadRepository leads;
    private final TouchRepository touches;
    private final CampaignReplicas campaigns;
    private final LeadHistory history;
    private final LeadsConfig config;
    private final Clock clock;

    LeadImport(LeadRepository leads, TouchRepository touches, CampaignReplicas campaigns, LeadHistory history,
            LeadsConfig config, Clock clock) {
        this.leads = leads;
        this.touches = touches;
        this.campaigns = campaigns;
        this.history = history;
        this.config = config;
        this.clock = clock;
    }

    /** One data line of the file: a lead to capture, or why the line cannot be one. */
    public record Line(int number, Lead.NewLead lead, String error) {

        public static Line valid(int number, Lead.NewLead lead) {
            return new Line(number, Objects.requireNonNull(lead), null);
        }

        public static Line invalid(int number, String error) {
            return new Line(number, null, Objects.requireNonNull(error));
        }
    }

    public record Rejection(int line, String error) {
    }

    public record Result(int created, int duplicates, List<Rejection> rejected) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Result importLines(List<Line> lines, String by) {
        ScoringRules scoring = config.scoringRules();
        Set<UUID> knownCampaigns = campaigns.known(lines.stream().map(Line::lead).filter(Objects::nonNull)
                .map(Lead.NewLead::campaignId).filter(Objects::nonNull).collect(Collectors.toSet()));
        // open leads by lower-case e-mail, whether found in the database or created by an earlier line
        Map<String, Lead> openByEmail = new HashMap<>();
        Tally tally = new Tally();
        for (int from = 0; from < lines.size(); from += CHUNK) {
            importChunk(lines.subList(from, Math.min(lines.size(), from + CHUNK)), scoring, knownCampaigns,
                    openByEmail, tally, by);
        }
        return new Result(tally.created, tally.duplicates, List.copyOf(tally.rejected));
    }

    private void importChunk(List<Line> chunk, ScoringRules scoring, Set<UUID> knownCampaigns,
            Map<String, Lead> openByEmail, Tally tally, String by) {
        Set<String> unseen = chunk.stream().filter(line -> line.lead() != null).map(line -> key(line.lead()))
                .filter(email -> !openByEmail.containsKey(email)).collect(Collectors.toSet());
        leads.findOpenByEmails(unseen).forEach(lead -> openByEmail.put(key(lead.email()), lead));

        Instant now = Instant.now(clock);
        List<Lead> created = new ArrayList<>();
        List<Touch> submissions = new ArrayList<>();
        List<LeadEvent> events = new ArrayList<>();
        for (Line line : chunk) {
            Lead.NewLead details = line.lead();
            if (details == null) {
                tally.rejected.add(new Rejection(line.number(), line.error()));
            } else if (details.campaignId() != null && !knownCampaigns.contains(details.campaignId())) {
                tally.rejected.add(new Rejection(line.number(), "campaignId: unknown campaign " + details.campaignId()));
            } else if (openByEmail.containsKey(key(details))) {
                Lead.Touched touched = openByEmail.get(key(details)).resubmitted(details, by, now);
                submissions.add(touched.touch());
                events.add(touched.event());
                tally.duplicates++;
            } else {
                Lead.Capture capture = Lead.capture(details, scoring, by, now);
                openByEmail.put(key(details), capture.lead());
                created.add(capture.lead());
                events.add(capture.event());
                tally.created++;
            }
        }
        // grouped by table so that each goes out in JDBC batches; leads first for the foreign keys
        created.forEach(leads::persist);
        submissions.forEach(touches::persist);
        leads.flushChanges();
        history.recordAllAndClear(events);
    }

    private static String key(Lead.NewLead lead) {
        return key(lead.email());
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static final class Tally {
        private int created;
        private int duplicates;
        private final List<Rejection> rejected = new ArrayList<>();
    }
}
