package io.smarketing.leads.api;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import io.smarketing.chassis.api.QueryParams;
import io.smarketing.events.LeadStage;
import io.smarketing.leads.persistence.LeadRepository;

/**
 * The filters and order of {@code GET /api/leads}. Taken as text and validated here: a JAX-RS conversion failure of a
 * query parameter would be a 404, where a bad filter is the client's 422.
 */
public class LeadQuery {

    @QueryParam("stage")
    public String stage;

    @QueryParam("ownerId")
    @Size(max = 100)
    public String ownerId;

    @QueryParam("campaignId")
    public String campaignId;

    /** Free text, matched against name, e-mail and company. */
    @QueryParam("q")
    @Size(max = 200)
    public String q;

    /** {@code newest} (the default) or {@code sla_due}: the soonest follow-up deadline first, a rep's queue. */
    @QueryParam("sort")
    public String sort;

    LeadRepository.Filter toFilter() {
        return new LeadRepository.Filter(
                QueryParams.choice("stage", stage, LeadStage.class, null),
                QueryParams.text("ownerId", ownerId),
                QueryParams.uuid("campaignId", campaignId),
                QueryParams.text("q", q));
    }

    LeadRepository.Order order() {
        return QueryParams.choice("sort", sort, LeadRepository.Order.class, LeadRepository.Order.NEWEST);
    }
}
