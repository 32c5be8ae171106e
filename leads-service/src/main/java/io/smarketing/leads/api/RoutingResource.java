package io.smarketing.leads.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smarketing.chassis.api.IfMatch;
import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.api.Versioned;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.Channel;
import io.smarketing.leads.domain.PoolMember;
import io.smarketing.leads.domain.RepAway;
import io.smarketing.leads.domain.RoutingRule;
import io.smarketing.leads.service.RoutingService;

/** Automatic lead routing: the rules executives write, the reps' away periods, and the MQLs waiting for a rep. */
@Path("/api/routing")
public class RoutingResource {

    /** A rule as an executive writes it; {@code version} is the version read, for PUT. */
    public record RuleRequest(
            @NotBlank @Size(max = 200) String name,
            @Min(1) @Max(1_000_000) Integer position,
            Channel channel,
            UUID campaignId,
            boolean defaultRule,
            @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull SeatRequest> reps,
            Long version) {

        RoutingRule.Definition toDefinition() {
            return new RoutingRule.Definition(name.trim(), position, channel, campaignId, defaultRule,
                    reps.stream().map(r -> new RoutingRule.Seat(r.repId().trim(), r.capacity())).toList());
        }
    }

    /** A rep of the pool and the most assigned MQLs awaiting their answer they may hold. */
    public record SeatRequest(@NotBlank @Size(max = 100) String repId, @NotNull @Min(1) @Max(10_000) Integer capacity) {
    }

    public record RuleResponse(UUID id, String name, int position, Channel channel, UUID campaignId,
            boolean defaultRule, List<SeatResponse> reps, Instant createdAt, Instant updatedAt, long version)
            implements Versioned {

        static RuleResponse of(RoutingRule rule) {
            return new RuleResponse(rule.id(), rule.name(), rule.position(), rule.channel(), rule.campaignId(),
                    rule.isDefault(), rule.members().stream().map(SeatResponse::of).toList(), rule.createdAt(),
                    rule.updatedAt(), rule.version());
        }
    }

    public record SeatResponse(String repId, int capacity) {

        static SeatResponse of(PoolMember member) {
            return new SeatResponse(member.repId(), member.capacity());
        }
    }

    /** An away period; {@code from} absent means now. */
    public record AwayRequest(Instant from, @NotNull Instant to) {
    }

    public record AwayResponse(Instant from, Instant to) {

        static AwayResponse of(RepAway away) {
            return away == null ? null : new AwayResponse(away.from(), away.to());
        }
    }

    public record RepResponse(String repId, int openMqls, boolean awayNow, AwayResponse away,
            List<RoutingService.Seat> seats) {

        static RepResponse of(RoutingService.Rep rep) {
            return new RepResponse(rep.repId(), rep.openMqls(), rep.awayNow(), AwayResponse.of(rep.away()), rep.seats());
        }
    }

    public record RepsResponse(List<RepResponse> items) {
    }

    private final RoutingService routing;
    private final Caller caller;

    RoutingResource(RoutingService routing, Caller caller) {
        this.routing = routing;
        this.caller = caller;
    }

    @GET
    @Path("rules")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<RuleResponse> rules(@Valid @BeanParam PageQuery page) {
        return routing.list(page.page, page.size).map(RuleResponse::of);
    }

    @POST
    @Path("rules")
    @RolesAllowed(Roles.EXECUTIVE)
    public Response create(@Valid @NotNull RuleRequest request) {
        RuleResponse body = RuleResponse.of(routing.create(request.toDefinition()));
        return Response.created(URI.create("/api/routing/rules/" + body.id())).entity(body).build();
    }

    @GET
    @Path("rules/{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public RuleResponse rule(@PathParam("id") UUID id) {
        return RuleResponse.of(routing.get(id));
    }

    /**
     * Replaces the rule, for the version last read: {@code If-Match} (its ETag) or the body's {@code version}; 409 if
     * someone changed it since.
     */
    @PUT
    @Path("rules/{id}")
    @RolesAllowed(Roles.EXECUTIVE)
    public RuleResponse revise(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch, @Valid @NotNull RuleRequest request) {
        return RuleResponse.of(routing.revise(id, ifMatch.expectedVersion(request.version()), request.toDefinition()));
    }

    @DELETE
    @Path("rules/{id}")
    @RolesAllowed(Roles.EXECUTIVE)
    public Response delete(@PathParam("id") UUID id) {
        routing.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("reps")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public RepsResponse reps() {
        return new RepsResponse(routing.reps().stream().map(RepResponse::of).toList());
    }

    /** A rep marks themselves away (only themselves: 403 for anyone else's name). */
    @PUT
    @Path("reps/{repId}/away")
    @RolesAllowed(Roles.SALES)
    public RepResponse away(@PathParam("repId") String repId, @Valid @NotNull AwayRequest request) {
        requireSelf(repId);
        return RepResponse.of(routing.markAway(repId, request.from(), request.to()));
    }

    /** The rep is back before the period ends. */
    @DELETE
    @Path("reps/{repId}/away")
    @RolesAllowed(Roles.SALES)
    public RepResponse back(@PathParam("repId") String repId) {
        requireSelf(repId);
        return RepResponse.of(routing.markBack(repId));
    }

    /** The MQLs waiting for a rep, in the order they will be routed. */
    @GET
    @Path("queue")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<RoutingService.WaitingLead> queue(@Valid @BeanParam PageQuery page) {
        return new Page<>(routing.waiting(page.offset(), page.size), routing.waitingCount(), page.page, page.size);
    }

    private void requireSelf(String repId) {
        if (!repId.equals(caller.name())) {
            throw ProblemException.forbidden("A sales rep marks only themselves away, not " + repId);
        }
    }
}
