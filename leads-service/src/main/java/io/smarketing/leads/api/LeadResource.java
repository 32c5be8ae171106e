package io.smarketing.leads.api;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadStage;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.service.LeadService;

@Path("/api/leads")
public class LeadResource {

    /** A lead as marketing submits it. */
    public record CreateLeadRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String company,
            @Size(max = 200) String title,
            @Size(max = 50) String phone,
            UUID campaignId,
            @NotNull Channel channel) {

        Lead.NewLead toNewLead() {
            return new Lead.NewLead(email, name, company, title, phone, campaignId, channel);
        }
    }

    public record LeadResponse(UUID id, String email, String name, String company, String title, String phone,
            UUID campaignId, Channel channel, int score, LeadStage stage, String ownerId, Instant slaDueAt,
            Instant createdAt, Instant updatedAt) {

        static LeadResponse of(Lead lead) {
            return new LeadResponse(lead.id(), lead.email(), lead.name(), lead.company(), lead.title(), lead.phone(),
                    lead.campaignId(), lead.channel(), lead.score(), lead.stage(), lead.ownerId(), lead.slaDueAt(),
                    lead.createdAt(), lead.updatedAt());
        }
    }

    private final LeadService leads;
    private final Caller caller;

    LeadResource(LeadService leads, Caller caller) {
        this.leads = leads;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.MARKETING)
    public Response create(@Valid @NotNull CreateLeadRequest request) {
        Lead lead = leads.capture(request.toNewLead(), caller.name());
        return Response.created(URI.create("/api/leads/" + lead.id())).entity(LeadResponse.of(lead)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public LeadResponse get(@PathParam("id") UUID id) {
        return LeadResponse.of(leads.get(id));
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<LeadResponse> list(@Valid @BeanParam PageQuery query) {
        return leads.list(query.page, query.size).map(LeadResponse::of);
    }
}
