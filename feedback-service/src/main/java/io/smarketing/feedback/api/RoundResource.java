package io.smarketing.feedback.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.smarketing.chassis.security.Roles;
import io.smarketing.feedback.domain.FeedbackRound;
import io.smarketing.feedback.domain.RoundStatus;
import io.smarketing.feedback.service.RoundService;

@Path("/api/feedback/rounds")
public class RoundResource {

    public record RoundResponse(UUID id, UUID campaignId, RoundStatus status, String openedBy, Instant openedAt,
            Instant closedAt) {

        static RoundResponse of(FeedbackRound round) {
            return new RoundResponse(round.id(), round.campaignId(), round.status(), round.openedBy(),
                    round.openedAt(), round.closedAt());
        }
    }

    private final RoundService rounds;

    RoundResource(RoundService rounds) {
        this.rounds = rounds;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public RoundResponse get(@PathParam("id") UUID id) {
        return RoundResponse.of(rounds.get(id));
    }
}
