package io.smarketing.goals.api;

import java.time.Instant;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Roles;
import io.smarketing.goals.config.GoalsConfig;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.domain.ViewFilter;
import io.smarketing.goals.service.LiveViews;
import io.smarketing.goals.service.ViewChanges;

@Path("/api/view")
public class ViewResource {

    private static final Set<String> READERS = Set.of(Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE);

    private final ViewChanges changes;
    private final LiveViews liveViews;
    private final JWTParser tokens;
    private final GoalsConfig config;

    ViewResource(ViewChanges changes, LiveViews liveViews, JWTParser tokens, GoalsConfig config) {
        this.changes = changes;
        this.liveViews = liveViews;
        this.tokens = tokens;
        this.config = config;
    }

    /** The shared view; {@code from}/{@code to} take an instant or a date (a {@code to} date counts whole). */
    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public SharedView view(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("campaignId") String campaignId) {
        return liveViews.current(filter(from, to, campaignId));
    }

    /**
     * The view again after every change, as Server-Sent Events: first the current view, then one per burst
     * of changes, and a repeat every {@code goals.stream-heartbeat} so idle connections stay open. The token
     * comes in the Authorization header, or for EventSource (which cannot send headers) as
     * {@code access_token}.
     */
    @GET
    @Path("stream")
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<SharedView> stream(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("access_token") String accessToken, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("campaignId") String campaignId) {
        authorize(authorization, accessToken);
        ViewFilter filter = filter(from, to, campaignId);
        Multi<Long> heartbeat = Multi.createFrom().ticks().every(config.streamHeartbeat());
        return Multi.createBy().merging().streams(Multi.createFrom().item(0L), changes.changes(), heartbeat)
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(signal -> liveViews.current(filter));
    }

    private void authorize(String authorization, String accessToken) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : accessToken;
        if (token == null || token.isBlank()) {
            throw new UnauthorizedException();
        }
        try {
            var jwt = tokens.parse(token);
            if (jwt.getGroups() == null || jwt.getGroups().stream().noneMatch(READERS::contains)) {
                throw new ForbiddenException();
            }
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
