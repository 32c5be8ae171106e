package io.smarketing.feedback.api;

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
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.FeedbackRoundClosed.RoundSummary;
import io.smarketing.events.Team;
import io.smarketing.feedback.domain.EntryContent;
import io.smarketing.feedback.domain.FeedbackEntry;
import io.smarketing.feedback.domain.FeedbackRound;
import io.smarketing.feedback.domain.RoundStatus;
import io.smarketing.feedback.service.RoundService;
import io.smarketing.feedback.service.RoundService.RoundView;

@Path("/api/feedback/rounds")
public class RoundResource {

    public record OpenRoundRequest(@NotNull UUID campaignId) {
    }

    /**
     * An entry. There is deliberately no team: it comes from the caller's role, and a body that names one is
     * refused (422) rather than silently ignored, so a client that believes it can choose learns it cannot.
     */
    public record EntryRequest(
            @Min(1) @Max(5) Integer leadQuality,
            @NotBlank @Size(max = 4000) String comment,
            @Size(max = 20) List<String> actions, // each one checked by EntryContent
            @Schema(hidden = true) @Null(message = "must not be sent: the team comes from your role") Object team) {

        EntryContent toContent() {
            return new EntryContent(leadQuality, comment, actions);
        }
    }

    public record RoundResponse(UUID id, UUID campaignId, RoundStatus status, String openedBy, Instant openedAt,
            String closedBy, Instant closedAt) {

        static RoundResponse of(FeedbackRound round) {
            return new RoundResponse(round.id(), round.campaignId(), round.status(), round.openedBy(),
                    round.openedAt(), round.closedBy(), round.closedAt());
        }
    }

    /** One round in full: its entries and its summary (live while open, frozen once closed). */
    public record RoundDetailResponse(UUID id, UUID campaignId, RoundStatus status, String openedBy,
            Instant openedAt, String closedBy, Instant closedAt, List<EntryResponse> entries, RoundSummary summary) {

        static RoundDetailResponse of(RoundView view) {
            FeedbackRound round = view.round();
            return new RoundDetailResponse(round.id(), round.campaignId(), round.status(), round.openedBy(),
                    round.openedAt(), round.closedBy(), round.closedAt(),
                    view.entries().stream().map(EntryResponse::of).toList(), view.summary());
        }
    }

    public record EntryResponse(UUID id, UUID roundId, Team team, String author, Integer leadQuality,
            String comment, List<String> actions, Instant submittedAt, Instant revisedAt, boolean revised) {

        static EntryResponse of(FeedbackEntry entry) {
            return new EntryResponse(entry.id(), entry.roundId(), entry.team(), entry.author(), entry.leadQuality(),
                    entry.comment(), entry.actions(), entry.submittedAt(), entry.revisedAt(), entry.revised());
        }
    }

    private final RoundService rounds;
    private final Caller caller;

    RoundResource(RoundService rounds, Caller caller) {
        this.rounds = rounds;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.MARKETING, Roles.SALES })
    public Response open(@Valid @NotNull OpenRoundRequest request) {
        RoundView view = rounds.open(request.campaignId(), caller.name());
        return Response.created(URI.create("/api/feedback/rounds/" + view.round().id()))
                .entity(RoundDetailResponse.of(view)).build();
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<RoundResponse> list(@QueryParam("campaignId") String campaignId, @QueryParam("status") String status,
            @Valid @BeanParam PageQuery page) {
        return rounds.list(QueryParams.uuid("campaignId", campaignId),
                QueryParams.choice("status", status, RoundStatus.class, null), page.page, page.size)
                .map(RoundResponse::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public RoundDetailResponse get(@PathParam("id") UUID id) {
        return RoundDetailResponse.of(rounds.get(id));
    }

    /** 201 for the caller's first entry in the round, 200 when it replaced their earlier one. */
    @POST
    @Path("{id}/entries")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES })
    public Response submit(@PathParam("id") UUID id, @Valid @NotNull EntryRequest request) {
        Team team = caller.team().orElseThrow(() -> ProblemException.forbidden("Only marketing and sales give feedback"));
        FeedbackRound.Submission submission = rounds.submit(id, team, caller.name(), request.toContent());
        return Response.status(submission.revised() ? Response.Status.OK : Response.Status.CREATED)
                .entity(EntryResponse.of(submission.entry())).build();
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES })
    public RoundDetailResponse close(@PathParam("id") UUID id) {
        return RoundDetailResponse.of(rounds.close(id, caller.name()));
    }
}
