package io.smarketing.leads.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.api.Versioned;
import io.smarketing.chassis.money.MoneyAmount;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadStage;
import io.smarketing.events.LossReason;
import io.smarketing.events.RejectionReason;
import io.smarketing.events.Team;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.domain.EngagementRules;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.domain.TimelineEntry;
import io.smarketing.leads.domain.Touch;
import io.smarketing.leads.service.LeadService;

@Path("/api/leads")
public class LeadResource {

    /** At least one dot in the domain: {@code @Email} alone accepts {@code ann@localhost}. */
    static final String EMAIL_SYNTAX = ".+@[^@\\s]+\\.[^@\\s]+";

    /** A lead as marketing submits it (the JSON body, and one line of a CSV import). */
    public record CreateLeadRequest(
            @NotBlank @Email(regexp = EMAIL_SYNTAX) @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String company,
            @Size(max = 200) String title,
            @Size(max = 50) @Pattern(regexp = "[0-9+()./ x-]*", message = "must contain only digits, spaces and + ( ) . / - x") String phone,
            UUID campaignId,
            @NotNull Channel channel) {

        /** Spaces around an address are a copy-paste accident, not a reason to refuse it. */
        public CreateLeadRequest {
            email = email == null ? null : email.trim();
        }

        Lead.NewLead toNewLead() {
            return new Lead.NewLead(email, name, company, title, phone, campaignId, channel);
        }
    }

    public record AssignRequest(@NotBlank @Size(max = 100) String ownerId) {
    }

    public record RejectRequest(@NotNull RejectionReason reason, @Size(max = 2000) String note) {
    }

    public record WinRequest(
            @NotNull @DecimalMin(value = "0", inclusive = false) @MoneyAmount BigDecimal amount) {
    }

    public record LoseRequest(@NotNull LossReason reason, @Size(max = 2000) String note) {
    }

    public record TouchRequest(@NotNull Channel channel, @NotBlank @Size(max = 300) String subject,
            @Size(max = 500) String messageKey, UUID campaignId) {
    }

    /** {@code score} is the score now: {@code fitScore} plus {@code engagementScore}, decayed to this moment. */
    public record LeadResponse(UUID id, String email, String name, String company, String title, String phone,
            UUID campaignId, Channel channel, int score, LeadStage stage, String ownerId, Instant slaDueAt,
            Instant slaBreachedAt, Instant respondedAt, Boolean withinSla, RejectionReason rejectionReason,
            LossReason lossReason, BigDecimal amount, String currency, Instant closedAt, Instant createdAt,
            Instant updatedAt, int fitScore, int engagementScore, Instant mqlAt, long version) implements Versioned {

        static LeadResponse of(Lead lead, EngagementRules engagement, Instant now) {
            return new LeadResponse(lead.id(), lead.email(), lead.name(), lead.company(), lead.title(), lead.phone(),
                    lead.campaignId(), lead.channel(), lead.score(engagement, now), lead.stage(), lead.ownerId(),
                    lead.slaDueAt(), lead.slaBreachedAt(), lead.respondedAt(), lead.withinSla(),
                    lead.rejectionReason(), lead.lossReason(), lead.amount(), lead.currency(), lead.closedAt(),
                    lead.createdAt(), lead.updatedAt(), lead.score(), lead.engagementScore(engagement, now),
                    lead.mqlAt(), lead.version());
        }
    }

    public record TouchResponse(UUID id, UUID leadId, Team team, Channel channel, String subject, String messageKey,
            UUID campaignId, String conflict, String by, Instant occurredAt) {

        static TouchResponse of(Touch touch) {
            return new TouchResponse(touch.id(), touch.leadId(), touch.team(), touch.channel(), touch.subject(),
                    touch.messageKey(), touch.campaignId(), touch.conflict(), touch.by(), touch.occurredAt());
        }
    }

    /** A lead's history, oldest first; {@code data} is the event each change published. */
    public record TimelineResponse(UUID leadId, List<TimelineItem> items) {
    }

    public record TimelineItem(Instant at, String type, LeadStage stage, String by, JsonNode data) {
    }

    private final LeadService leads;
    private final Caller caller;
    private final ObjectMapper json;
    private final EngagementRules engagement;
    private final Clock clock;

    LeadResource(LeadService leads, Caller caller, ObjectMapper json, LeadsConfig config, Clock clock) {
        this.leads = leads;
        this.caller = caller;
        this.json = json;
        this.engagement = config.engagementRules();
        this.clock = clock;
    }

    /** The lead as it stands now, its score decayed to this moment. */
    LeadResponse response(Lead lead) {
        return LeadResponse.of(lead, engagement, Instant.now(clock));
    }

    /** 201 with the new lead, or 200 with the open lead that already has this e-mail. */
    @POST
    @RolesAllowed(Roles.MARKETING)
    public Response create(@Valid @NotNull CreateLeadRequest request) {
        LeadService.Captured captured = leads.capture(request.toNewLead(), caller.name());
        LeadResponse body = response(captured.lead());
        return captured.created() ? Response.created(URI.create("/api/leads/" + body.id())).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public LeadResponse get(@PathParam("id") UUID id) {
        return response(leads.get(id));
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<LeadResponse> list(@Valid @BeanParam LeadQuery filter, @Valid @BeanParam PageQuery page) {
        return leads.list(filter.toFilter(), filter.order(), page.page, page.size).map(this::response);
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public TimelineResponse timeline(@PathParam("id") UUID id) {
        return new TimelineResponse(id, leads.timeline(id).stream().map(this::item).toList());
    }

    @POST
    @Path("{id}/qualify")
    @RolesAllowed(Roles.MARKETING)
    public LeadResponse qualify(@PathParam("id") UUID id) {
        return response(leads.qualify(id, caller.name()));
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES })
    public LeadResponse assign(@PathParam("id") UUID id, @Valid @NotNull AssignRequest request) {
        Team team = caller.team().orElseThrow(() -> ProblemException.forbidden("Only marketing and sales assign leads"));
        return response(leads.assign(id, request.ownerId(), team, caller.name()));
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed(Roles.SALES)
    public LeadResponse accept(@PathParam("id") UUID id) {
        return response(leads.accept(id, caller.name()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.SALES)
    public LeadResponse reject(@PathParam("id") UUID id, @Valid @NotNull RejectRequest request) {
        return response(leads.reject(id, request.reason(), request.note(), caller.name()));
    }

    @POST
    @Path("{id}/win")
    @RolesAllowed(Roles.SALES)
    public LeadResponse win(@PathParam("id") UUID id, @Valid @NotNull WinRequest request) {
        return response(leads.win(id, request.amount(), caller.name()));
    }

    @POST
    @Path("{id}/lose")
    @RolesAllowed(Roles.SALES)
    public LeadResponse lose(@PathParam("id") UUID id, @Valid @NotNull LoseRequest request) {
        return response(leads.lose(id, request.reason(), request.note(), caller.name()));
    }

    /** The team comes from the caller's role, never from the body. */
    @POST
    @Path("{id}/touches")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES })
    public Response touch(@PathParam("id") UUID id, @Valid @NotNull TouchRequest request) {
        Team team = caller.team().orElseThrow(() -> ProblemException.forbidden("Only marketing and sales log touches"));
        Touch touch = leads.touch(id, new Touch.NewTouch(request.channel(), request.subject(), request.messageKey(),
                request.campaignId()), team, caller.name());
        return Response.status(Response.Status.CREATED).entity(TouchResponse.of(touch)).build();
    }

    private TimelineItem item(TimelineEntry entry) {
        try {
            return new TimelineItem(entry.occurredAt(), entry.type(), entry.stage(), entry.by(),
                    json.readTree(entry.data()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Timeline entry of lead " + entry.leadId() + " is not JSON", e);
        }
    }
}
