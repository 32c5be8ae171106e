package io.smarketing.goals.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.problem.Problem;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.goals.config.GoalsConfig;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.service.LiveViews;
import io.smarketing.goals.service.OpenStreams;
import io.smarketing.goals.service.StreamTickets;
import io.smarketing.goals.service.ViewChanges;

@Path("/api/view")
public class ViewResource {

    /** The name Quarkus gives the JWT scheme of the OpenAPI documents ({@code quarkus.smallrye-openapi.security-scheme}). */
    static final String SECURITY_SCHEME = "SecurityScheme";
    private static final Set<String> READERS = Set.of(Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE);

    private final ViewChanges changes;
    private final LiveViews liveViews;
    private final StreamTickets tickets;
    private final OpenStreams openStreams;
    private final JWTParser tokens;
    private final Caller caller;
    private final GoalsConfig config;
    private final Clock clock;

    ViewResource(ViewChanges changes, LiveViews liveViews, StreamTickets tickets,
            OpenStreams openStreams, JWTParser tokens, Caller caller, GoalsConfig config, Clock clock) {
        this.changes = changes;
        this.liveViews = liveViews;
        this.tickets = tickets;
        this.openStreams = openStreams;
        this.tokens = tokens;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    /** The shared view; {@code from}/{@code to} take an instant or a date (a {@code to} date counts whole). */
    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public SharedView view(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("campaignId") String campaignId) {
        return liveViews.current(filter(from, to, campaignId));
    }

    /**
     * A short-lived, single-use ticket that opens one stream, for a page whose EventSource cannot send the bearer
     * token: the token stays in a header, the ticket goes in the stream's URL.
     */
    @POST
    @Path("stream-tickets")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    @Operation(summary = "A ticket that opens one live view stream: valid for goals.stream-ticket-ttl, once")
    public Response ticket() {
        StreamTickets.Ticket ticket = tickets.issue(
                new StreamTickets.Holder(caller.name(), caller.roles(), caller.tokenExpiresAt()));
        return Response.status(Response.Status.CREATED).entity(ticket).build();
    }

    /**
     * The view again after every change, as Server-Sent Events: first the current view, then one per burst
     * of changes, and a repeat every {@code goals.stream-heartbeat} so idle connections stay open. The caller
     * shows the bearer token in the Authorization header, or (a browser's EventSource) a ticket from
     * {@code POST /api/view/stream-tickets}; tokens are never taken from the URL. The stream ends when the token
     * expires, and a user holds at most {@code goals.stream-max-per-user} streams at once.
     */
    @GET
    @Path("stream")
    @PermitAll
    @Blocking // redeeming a ticket is a database transaction
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The shared view as Server-Sent Events, until the token expires")
    @SecurityRequirement(name = SECURITY_SCHEME, scopes = { Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    @APIResponse(responseCode = "200", description = "The view now, then after each burst of changes",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "401", description = "No valid bearer token or ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The token carries no role that reads the view",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A malformed filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "The user holds as many open streams as they may",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Multi<SharedView> stream(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "A ticket from POST /api/view/stream-tickets, instead of the Authorization header")
            @QueryParam("ticket") String ticket,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("campaignId") String campaignId) {
        String bearer = bearer(authorization);
        if (bearer == null && (ticket == null || ticket.isBlank())) {
            throw new UnauthorizedException();
        }
        ViewFilter filter = filter(from, to, campaignId); // before the ticket is used up
        StreamTickets.Holder holder = bearer != null ? verify(bearer)
                : tickets.redeem(ticket.strip()).orElseThrow(UnauthorizedException::new);
        if (holder.groups().stream().noneMatch(READERS::contains)) {
            throw new ForbiddenException();
        }
        Duration left = Duration.between(Instant.now(clock), holder.tokenExpiresAt());
        if (left.isNegative() || left.isZero()) {
            throw new UnauthorizedException();
        }
        Runnable close = openStreams.open(holder.user());
        Multi<Long> heartbeat = Multi.createFrom().ticks().every(config.streamHeartbeat());
        return Multi.createBy().merging().streams(Multi.createFrom().item(0L), changes.changes(), heartbeat)
                .select().first(left)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(signal -> liveViews.current(filter))
                .onTermination().invoke(close);
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    private StreamTickets.Holder verify(String bearer) {
        try {
            JsonWebToken jwt = tokens.parse(bearer);
            return new StreamTickets.Holder(jwt.getName(), jwt.getGroups() == null ? Set.of() : jwt.getGroups(),
                    Instant.ofEpochSecond(jwt.getExpirationTime()));
        } catch (ParseException e) {
            throw new AuthenticationFailedException(e);
        }
    }

    static ViewFilter filter(String from, String to, String campaignId) {
        Instant start = QueryParams.instantOrDate("from", from, false);
        Instant end = QueryParams.instantOrDate("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.unprocessable("to", "must be after from");
        }
        return new ViewFilter(start, end, QueryParams.uuid("campaignId", campaignId));
    }
}
