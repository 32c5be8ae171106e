package io.smarketing.goals.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smarketing.chassis.api.QueryParams;
import io.smarketing.chassis.problem.Problem;
import io.smarketing.chassis.security.Roles;
import io.smarketing.goals.domain.ViewSeries;
import io.smarketing.goals.service.ViewService;

/** The view's trend: its main numbers per day or week. */
@Path("/api/view/series")
public class ViewSeriesResource {

    private final ViewService view;

    ViewSeriesResource(ViewService view) {
        this.view = view;
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    @Operation(summary = "Leads, MQLs, SQLs, deals won, revenue and SLA compliance per UTC day or ISO week",
            description = "Counted like GET /api/view (by when each thing happened). Every bucket of the window is "
                    + "listed, quiet ones with zeros; the first and last count only their part inside the window. "
                    + "Without to: the end of today; without from: 30 days (day) or 12 weeks (week) back. At most "
                    + ViewSeries.MAX_BUCKETS + " buckets.")
    @APIResponse(responseCode = "200", description = "The series")
    @APIResponse(responseCode = "422", description = "A malformed filter, an unknown bucket, or too many buckets",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ViewSeries series(
            @Parameter(description = "an ISO-8601 instant or date") @QueryParam("from") String from,
            @Parameter(description = "an ISO-8601 instant or date (a date counts whole)") @QueryParam("to") String to,
            @QueryParam("campaignId") String campaignId,
            @Parameter(description = "day (default) or week") @QueryParam("bucket") String bucket) {
        return view.series(ViewResource.filter(from, to, campaignId),
                QueryParams.choice("bucket", bucket, ViewSeries.Bucket.class, ViewSeries.Bucket.DAY));
    }
}
