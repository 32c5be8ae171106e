package io.smarketing.leads.api;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import io.smarketing.events.LeadStage;
import io.smarketing.leads.persistence.LeadRepository;

/**
 * The filters of {@code GET /api/leads}. Taken as text and validated here: a JAX-RS conversion failure of a
 * query parameter would be a 404, where a bad filter is the client's 422.
 */
public class LeadQuery {

    static final String UUID_SYNTAX = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    @QueryParam("stage")
    @Pattern(regexp = "(NEW|MQL|SQL|WON|LOST|REJECTED)?", message = "must be one of NEW, MQL, SQL, WON, LOST, REJECTED")
    public String stage;

    @QueryParam("ownerId")
    @Size(max = 100)
    public String ownerId;

    @QueryParam("campaignId")
    @Pattern(regexp = "(" + UUID_SYNTAX + ")?", message = "must be a UUID")
    public String campaignId;

    /** Free text, matched against name, e-mail and company. */
    @QueryParam("q")
    @Size(max = 200)
    public String q;

    LeadRepository.Filter toFilter() {
        return new LeadRepository.Filter(
                blank(stage) ? null : LeadStage.valueOf(stage),
                blank(ownerId) ? null : ownerId.trim(),
                blank(campaignId) ? null : UUID.fromString(campaignId),
                blank(q) ? null : q.trim());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
