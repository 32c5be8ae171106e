package io.smarketing.feedback.api;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.feedback.domain.CsatRecord;
import io.smarketing.feedback.service.CsatService;

@Path("/api/feedback/csat")
public class CsatResource {

    /**
     * A lead's score for a survey ({@code handling} when none is named); the campaign is the lead's own, so
     * {@code campaignId} may be left out (naming another one is a 422).
     */
    public record CsatRequest(
            @NotNull UUID leadId,
            UUID campaignId,
            @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and -")
            String survey,
            @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = 4000) String comment) {
    }

    public record CsatResponse(UUID id, UUID leadId, UUID campaignId, String survey, int score, String comment,
            String recordedBy, Instant recordedAt) {

        static CsatResponse of(CsatRecord csat) {
            return new CsatResponse(csat.id(), csat.leadId(), csat.campaignId(), csat.survey(), csat.score(), csat.comment(),
                    csat.recordedBy(), csat.recordedAt());
        }
    }

    private final CsatService csat;
    private final Caller caller;

    CsatResource(CsatService csat, Caller caller) {
        this.csat = csat;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.MARKETING, Roles.SALES })
    public Response record(@Valid @NotNull CsatRequest request) {
        CsatRecord recorded = csat.record(request.leadId(), request.campaignId(), request.survey(), request.score(),
                request.comment(),
                caller.name());
        return Response.created(URI.create("/api/feedback/csat/" + recorded.id()))
                .entity(CsatResponse.of(recorded)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public CsatResponse get(@PathParam("id") UUID id) {
        return CsatResponse.of(csat.get(id));
    }
}
