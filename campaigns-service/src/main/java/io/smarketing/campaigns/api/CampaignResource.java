package io.smarketing.campaigns.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.smarketing.campaigns.domain.AttributionModel;
import io.smarketing.campaigns.domain.Campaign;
import io.smarketing.campaigns.domain.CampaignAction;
import io.smarketing.campaigns.domain.Money;
import io.smarketing.campaigns.domain.Standing;
import io.smarketing.campaigns.service.CampaignService;
import io.smarketing.campaigns.service.PerformanceService;
import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.CampaignStatus;

/** Campaigns: marketing writes, everyone reads. Responses carry the version as an ETag. */
@Path("/api/campaigns")
public class CampaignResource {

    private final CampaignService campaigns;
    private final PerformanceService performance;
    private final Caller caller;
    private final Money money;

    CampaignResource(CampaignService campaigns, PerformanceService performance, Caller caller, Money money) {
        this.campaigns = campaigns;
        this.performance = performance;
        this.caller = caller;
        this.money = money;
    }

    @POST
    @RolesAllowed(Roles.MARKETING)
    public Response create(@NotNull CampaignRequest request) {
        Campaign campaign = campaigns.plan(request.toPlan(), caller.name());
        return withVersion(Response.created(URI.create("/api/campaigns/" + campaign.id())), campaign);
    }

    /**
     * The leaderboard: {@code sort=roi|revenue|leads} (best first; newest first without it), {@code model} for revenue,
     * {@code marketingOwner} for one marketer's campaigns.
     */
    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<StandingResponse> list(@QueryParam("status") String status, @QueryParam("sort") String sort,
            @QueryParam("model") String model, @QueryParam("marketingOwner") String marketingOwner,
            @Valid @BeanParam PageQuery page) {
        return performance.leaderboard(
                QueryParams.choice("status", status, CampaignStatus.class, null),
                marketingOwner == null || marketingOwner.isBlank() ? null : marketingOwner.strip(),
                QueryParams.choice("sort", sort, Standing.Ranking.class, Standing.Ranking.NEWEST),
                QueryParams.choice("model", model, AttributionModel.class, AttributionModel.FIRST),
                page.page, page.size).map(StandingResponse::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Response get(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), campaigns.get(id));
    }

    /** Replaces the plan; the version read comes as {@code If-Match} or as {@code version} in the body. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MARKETING)
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull CampaignRequest request) {
        long expected = expectedVersion(ifMatch, request.version());
        return withVersion(Response.ok(), campaigns.revise(id, expected, request.toPlan(), caller.name()));
    }

    @POST
    @Path("{id}/launch")
    @RolesAllowed(Roles.MARKETING)
    public Response launch(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), campaigns.move(id, CampaignAction.LAUNCH, caller.name()));
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Roles.MARKETING)
    public Response complete(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), campaigns.move(id, CampaignAction.COMPLETE, caller.name()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.MARKETING)
    public Response cancel(@PathParam("id") UUID id) {
        return withVersion(Response.ok(), campaigns.move(id, CampaignAction.CANCEL, caller.name()));
    }

    @POST
    @Path("{id}/spend")
    @RolesAllowed(Roles.MARKETING)
    public Response recordSpend(@PathParam("id") UUID id, @NotNull SpendRequest request) {
        return withVersion(Response.ok(),
                campaigns.recordSpend(id, request.amount(), request.note(), caller.name()));
    }

    @GET
    @Path("{id}/performance")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public PerformanceResponse performance(@PathParam("id") UUID id, @QueryParam("model") String model) {
        AttributionModel attribution = QueryParams.choice("model", model, AttributionModel.class, AttributionModel.FIRST);
        return PerformanceResponse.of(id, attribution, money.currency(), performance.of(id, attribution));
    }

    private Response withVersion(Response.ResponseBuilder response, Campaign campaign) {
        return response.tag(new EntityTag(Long.toString(campaign.version())))
                .entity(CampaignResponse.of(campaign, money)).build();
    }

    /** {@code If-Match: "3"} (or {@code W/"3"}) wins over {@code "version": 3}; one of them is required. */
    private static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw ProblemException.unprocessable("If-Match", "must be the ETag of the campaign you read, such as \"3\"");
            }
        }
        if (bodyVersion == null) {
            throw ProblemException.unprocessable("version",
                    "is required: send the version you read (or an If-Match header) so no one else's change is lost");
        }
        return bodyVersion;
    }
}
