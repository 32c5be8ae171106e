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
     * Records a lead's score for a survey: only for a lead that lead events told us of (422 otherwise), once
     * per lead and survey (409 for a second), and always for the lead's own source campaign (a request naming
     * another one is a 422), so the event tells every consumer which campaign the score belongs to.
     */
    @Transactional
    public CsatRecord record(UUID leadId, UUID campaignId, String survey, int score, String comment, String by) {
        LeadFactRepository.KnownLead lead = leadFacts.lockLead(leadId).orElseThrow(() -> ProblemException.unprocessable(
                "leadId", "no lead " + leadId + " is known (yet): CSAT is for a lead that exists"));
        if (campaignId != null && !campaignId.equals(lead.campaignId())) {
            throw ProblemException.unprocessable("campaignId", "must be the lead's source campaign ("
                    + lead.campaignId() + ") or left out: a score belongs to the campaign the lead came from");
        }
        String theSurvey = survey == null ? CsatRecord.DEFAULT_SURVEY : survey;
        if (records.exists(leadId, theSurvey)) {
            throw ProblemException.conflict("Lead " + leadId + " already has a CSAT for survey '" + theSurvey + "'");
        }
        CsatRecord.Recording recording = CsatRecord.record(leadId, lead.campaignId(), theSurvey, score, comment, by,
                Instant.now(clock));
        records.persist(recording.csat());
        outbox.publish(recording.event());
        return recording.csat();
    }

    @Transactional(TxType.SUPPORTS)
    public CsatRecord get(UUID id) {
        return records.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("CSAT record", id));
    }
}
