package io.smarketing.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.feedback.domain.CsatRecord;
import io.smarketing.feedback.persistence.CsatRepository;
import io.smarketing.feedback.persistence.LeadFactRepository;

/** Records customer satisfaction; each record and its event commit together. */
@ApplicationScoped
public class CsatService {

    private final CsatRepository records;
    private final LeadFactRepository leadFacts;
    private final Outbox outbox;
    private final Clock clock;

    CsatService(CsatRepository records, LeadFactRepository leadFacts, Outbox outbox, Clock clock) {
        this.records = records;
        this.leadFacts = leadFacts;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Without a campaignId, the lead's source campaign (known from lead events) is filled in, so the event
     * tells consumers which campaign the score belongs to.
     */
    @Transactional
    public CsatRecord record(UUID leadId, UUID campaignId, int score, String comment, String by) {
        UUID campaign = campaignId != null ? campaignId : leadFacts.campaignOf(leadId).orElse(null);
        CsatRecord.Recording recording = CsatRecord.record(leadId, campaign, score, comment, by, Instant.now(clock));
        records.persist(recording.csat());
        outbox.publish(recording.event());
        return recording.csat();
    }

    @Transactional(TxType.SUPPORTS)
    public CsatRecord get(UUID id) {
        return records.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("CSAT record", id));
    }
}
