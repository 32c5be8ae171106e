package io.smarketing.leads.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.ActivityKind;
import io.smarketing.events.LeadStage;
import io.smarketing.leads.service.EngagementService;

/**
 * Prospect activity from the marketing tools (e-mail opened, link clicked, page visited, content downloaded,
 * event attended, replied), for engagement scoring. Each activity carries the tool's own id: a repeat is
 * answered as a duplicate and changes nothing.
 */
@Path("/api/leads")
public class EngagementResource {

    /** The most activities one bulk request may carry. */
    static final int BULK_MAX = 1000;

    /** One activity of a lead named by the path; {@code occurredAt} absent means now. */
    public record ActivityRequest(@NotBlank @Size(max = 200) String externalId, @NotNull ActivityKind kind,
            Instant occurredAt) {
    }

    /** One activity of a bulk request: for a lead by id, or for the open lead with an e-mail (one of the two). */
    public record BulkActivity(@NotBlank @Size(max = 200) String externalId, @NotNull ActivityKind kind,
            UUID leadId, @Email(regexp = LeadResource.EMAIL_SYNTAX) @Size(max = 254) String email,
            Instant occurredAt) {
    }

    public record BulkRequest(@NotNull @Size(min = 1, max = BULK_MAX) List<@Valid @NotNull BulkActivity> activities) {
    }

    /** What one activity did: the points it brought, and the lead's score and stage after it. */
    public record ActivityResponse(String externalId, UUID leadId, ActivityKind kind, int points, boolean duplicate,
            boolean qualified, int score, LeadStage stage) {

        static ActivityResponse of(EngagementService.Outcome outcome) {
            return new ActivityResponse(outcome.activity().externalId(), outcome.lead().id(), outcome.activity().kind(),
                    outcome.points(), outcome.duplicate(), outcome.qualified(), outcome.score(), outcome.lead().stage());
        }
    }

    /** A bulk request's result: counts, and the activities refused with their index in the request and why. */
    public record BulkResponse(int recorded, int duplicates, int qualified, List<Refused> rejected) {
    }

    public record Refused(int index, String error) {
    }

    private final EngagementService engagement;
    private final Caller caller;

    EngagementResource(EngagementService engagement, Caller caller) {
        this.engagement = engagement;
        this.caller = caller;
    }

    /** 201 with the lead's new score, or 200 when this external id was reported before. */
    @POST
    @Path("{id}/activities")
    @RolesAllowed(Roles.MARKETING)
    public Response activity(@PathParam("id") UUID id, @Valid @NotNull ActivityRequest request) {
        EngagementService.Outcome outcome = engagement.recordOne(new EngagementService.Activity(
                request.externalId().trim(), request.kind(), id, null, request.occurredAt()), caller.name());
        ActivityResponse body = ActivityResponse.of(outcome);
        return Response.status(outcome.duplicate() ? Response.Status.OK : Response.Status.CREATED).entity(body).build();
    }

    /** Many activities at once, in order, in one transaction; an unknown lead or e-mail refuses only its activity. */
    @POST
    @Path("activities")
    @RolesAllowed(Roles.MARKETING)
    public BulkResponse activities(@Valid @NotNull BulkRequest request) {
        List<EngagementService.Activity> activities = new ArrayList<>();
        for (int i = 0; i < request.activities().size(); i++) {
            BulkActivity item = request.activities().get(i);
            boolean byEmail = item.email() != null && !item.email().isBlank();
            if ((item.leadId() == null) == !byEmail) {
                throw ProblemException.unprocessable("activities[" + i + "].leadId", "give either leadId or email");
            }
            activities.add(new EngagementService.Activity(item.externalId().trim(), item.kind(), item.leadId(),
                    byEmail ? item.email().trim() : null, item.occurredAt()));
        }
        List<EngagementService.Outcome> outcomes = engagement.record(activities, caller.name());
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).refusal() != null) {
                refused.add(new Refused(i, outcomes.get(i).refusal().toString()));
            }
        }
        return new BulkResponse((int) outcomes.stream().filter(EngagementService.Outcome::recorded).count(),
                (int) outcomes.stream().filter(EngagementService.Outcome::duplicate).count(),
                (int) outcomes.stream().filter(EngagementService.Outcome::qualified).count(), refused);
    }
}
