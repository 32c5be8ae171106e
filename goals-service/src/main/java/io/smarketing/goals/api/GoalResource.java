package io.smarketing.goals.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.GoalMetric;
import io.smarketing.events.GoalStatus;
import io.smarketing.goals.domain.Goal;
import io.smarketing.goals.domain.GoalProgress;
import io.smarketing.goals.domain.RevenuePlan;
import io.smarketing.goals.service.GoalService;

@Path("/api/goals")
public class GoalResource {

    /** A goal as executives set it; owners on both teams are required (422 otherwise). */
    public record GoalRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull GoalMetric metric,
            @NotNull BigDecimal target,
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> salesOwners,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> marketingOwners,
            UUID campaignId,
            Long version) {

        Goal.Definition toDefinition() {
            return new Goal.Definition(name, metric, target, periodStart, periodEnd, salesOwners, marketingOwners,
                    campaignId);
        }
    }

    public record GoalResponse(UUID id, String name, GoalMetric metric, BigDecimal target, LocalDate periodStart,
            LocalDate periodEnd, List<String> salesOwners, List<String> marketingOwners, UUID campaignId,
            GoalStatus lastStatus, String createdBy, Instant createdAt, Instant updatedAt, long version)
            implements Versioned {

        static GoalResponse of(Goal goal) {
            return new GoalResponse(goal.id(), goal.name(), goal.metric(), goal.target(), goal.periodStart(),
                    goal.periodEnd(), goal.salesOwners(), goal.marketingOwners(), goal.campaignId(),
                    goal.lastStatus(), goal.createdBy(), goal.createdAt(), goal.updatedAt(), goal.version());
        }
    }

    private final GoalService goals;
    private final Caller caller;

    GoalResource(GoalService goals, Caller caller) {
        this.goals = goals;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.EXECUTIVE)
    public Response set(@Valid @NotNull GoalRequest request) {
        Goal goal = goals.set(request.toDefinition(), caller.name());
        return Response.created(URI.create("/api/goals/" + goal.id())).entity(GoalResponse.of(goal)).build();
    }

    /**
     * Replaces a goal's definition, for the version last read: {@code If-Match} (its ETag) or the body's
     * {@code version}; 409 if someone changed it since.
     */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.EXECUTIVE)
    public GoalResponse revise(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch,
            @Valid @NotNull GoalRequest request) {
        long expected = ifMatch.expectedVersion(request.version());
        return GoalResponse.of(goals.revise(id, expected, request.toDefinition(), caller.name()));
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<GoalResponse> list(@Valid @BeanParam PageQuery query) {
        return goals.list(query.page, query.size).map(GoalResponse::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public GoalResponse get(@PathParam("id") UUID id) {
        return GoalResponse.of(goals.get(id));
    }

    @GET
    @Path("{id}/progress")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public GoalProgress progress(@PathParam("id") UUID id) {
        return goals.progress(goals.get(id));
    }

    @GET
    @Path("{id}/plan")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public RevenuePlan plan(@PathParam("id") UUID id) {
        return goals.plan(id);
    }
}
