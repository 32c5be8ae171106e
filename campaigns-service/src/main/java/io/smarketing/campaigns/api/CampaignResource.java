package io.smarketing.campaigns.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.smarketing.campaigns.domain.AttributionModel;
import io.smarketing.campaigns.domain.Campaign;
import io.smarketing.campaigns.domain.CampaignAction;
import io.smarketing.campaigns.domain.Standing;
import io.smarketing.campaigns.service.CampaignService;
import io.smarketing.campaigns.service.PerformanceService;
import io.smarketing.chassis.api.IfMatch;
import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.CampaignStatus;
import io.smarketing.events.Money;

/** Campaigns: marketing writes, everyone reads. A campaign in a response carries its version as the ETag. */
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
    public Response create(@Valid @NotNull CampaignRequest request) {
        Campaign campaign = campaigns.plan(request.toPlan(), caller.name());
        return Response.created(URI.create("/api/campaigns/" + campaign.id())).entity(response(campaign)).build();
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
                QueryParams.text("marketingOwner", marketingOwner),
                QueryParams.choice("sort", sort, Standing.Ranking.class, Standing.Ranking.NEWEST),
                QueryParams.choice("model", model, AttributionModel.class, AttributionModel.FIRST),
                page.page, page.size).map(StandingResponse::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public CampaignResponse get(@PathParam("id") UUID id) {
        return response(campaigns.get(id));
    }

    /** Replaces the plan; the version read comes as {@code If-Match} or as {@code version} in the body. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.MARKETING)
    public CampaignResponse update(@PathParam("id") UUID id, @BeanParam IfMatch ifMatch,
            @Valid @NotNull CampaignRequest request) {
        long expected = ifMatch.expectedVersion(request.version());
        return response(campaigns.revise(id, expected, request.toPlan(), caller.name()));
    }

    @POST
    @Path("{id}/launch")
    @RolesAllowed(Roles.MARKETING)
    public CampaignResponse launch(@PathParam("id") UUID id) {
        return response(campaigns.move(id, CampaignAction.LAUNCH, caller.name()));
    }

    @POST
    @Path("{id}/complete")
    @RolesAllowed(Roles.MARKETING)
    public CampaignResponse complete(@PathParam("id") UUID id) {
        return response(campaigns.move(id, CampaignAction.COMPLETE, caller.name()));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.MARKETING)
    public CampaignResponse cancel(@PathParam("id") UUID id) {
        return response(campaigns.move(id, CampaignAction.CANCEL, caller.name()));
    }

    @POST
    @Path("{id}/spend")
    @RolesAllowed(Roles.MARKETING)
    public CampaignResponse recordSpend(@PathParam("id") UUID id, @Valid @NotNull SpendRequest request) {
        return response(campaigns.recordSpend(id, request.amount(), request.note(), caller.name()));
    }

    @GET
    @Path("{id}/performance")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public PerformanceResponse performance(@PathParam("id") UUID id, @QueryParam("model") String model) {
        AttributionModel attribution = QueryParams.choice("model", model, AttributionModel.class, AttributionModel.FIRST);
        return PerformanceResponse.of(id, attribution, money.currency(), performance.of(id, attribution));
    }

    private CampaignResponse response(Campaign campaign) {
        return CampaignResponse.of(campaign, money);
    }
}
