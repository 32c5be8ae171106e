package io.smarketing.goals.api;

import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.goals.config.GoalsConfig;

/** What the dashboard needs before it draws a page: who signed in (from the verified token) and where the APIs are. */
@Path("/api/dashboard")
public class DashboardResource {

    /** The signed-in user, their roles, and each service's API base URL ("" = the dashboard's own origin). */
    public record DashboardSession(String user, Set<String> roles, Apis apis) {
    }

    public record Apis(String leads, String campaigns, String feedback) {
    }

    private final Caller caller;
    private final GoalsConfig.Dashboard config;

    DashboardResource(Caller caller, GoalsConfig config) {
        this.caller = caller;
        this.config = config.dashboard();
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    @Operation(summary = "The signed-in user and roles, and where the dashboard's pages reach each service's API")
    public DashboardSession session() {
        return new DashboardSession(caller.name(), caller.roles(), new Apis(config.leadsApi().orElse(""),
                config.campaignsApi().orElse(""), config.feedbackApi().orElse("")));
    }
}
