package io.smarketing.goals.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.smarketing.chassis.security.Roles;
import io.smarketing.goals.domain.SharedView;
import io.smarketing.goals.service.ViewService;

@Path("/api/view")
public class ViewResource {

    private final ViewService view;

    ViewResource(ViewService view) {
        this.view = view;
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public SharedView view() {
        return view.view();
    }
}
