package io.smarketing.feedback.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smarketing.feedback.domain.CsatRecord;
import io.smarketing.feedback.domain.RoundSummaries.CsatTally;

@ApplicationScoped
public class CsatRepository implements PanacheRepositoryBase<CsatRecord, UUID> {

    public boolean exists(UUID leadId, String survey) {
        return count("leadId = ?1 and survey = ?2", leadId, survey) > 0;
    }

    /**
     * The campaign's CSAT scores: those recorded for it, and those recorded without a campaign for a lead
     * that lead events (possibly arriving later) show came from it.
     */
    public CsatTally tallyFor(UUID campaignId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                select count(*), coalesce(sum(c.score), 0)
                from csat_record c
                where c.campaign_id = :campaign
                   or (c.campaign_id is null
                       and c.lead_id in (select l.lead_id from lead_campaign l where l.campaign_id = :campaign))""")
                .setParameter("campaign", campaignId)
                .getSingleResult();
        return new CsatTally(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
