package io.smarketing.chassis.probe;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.smarketing.chassis.api.Page;
import io.smarketing.chassis.api.PageQuery;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.events.Channel;

@Path("/api/probe/notes")
public class ProbeResource {

    /** {@code due} is only read, to test how bodies take dates. */
    public record NoteRequest(@NotBlank @Size(max = 50) String text, @NotNull Channel channel, LocalDate due) {
    }

    public record NoteResponse(UUID id) {
    }

    private final ProbeNotes notes;
    private final Caller caller;

    ProbeResource(ProbeNotes notes, Caller caller) {
        this.notes = notes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.MARKETING)
    public Response create(@Valid @NotNull NoteRequest request, @QueryParam("fail") boolean fail) {
        UUID id = notes.create(request.text(), request.channel(), caller.name(), fail);
        return Response.created(URI.create("/api/probe/notes/" + id)).entity(new NoteResponse(id)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public NoteResponse get(@PathParam("id") UUID id) {
        if (!notes.exists(id)) {
            throw ProblemException.notFound("Note", id);
        }
        return new NoteResponse(id);
    }

    @GET
    @RolesAllowed({ Roles.MARKETING, Roles.SALES, Roles.EXECUTIVE })
    public Page<NoteResponse> list(@Valid @BeanParam PageQuery query) {
        return new Page<>(List.of(), 0, query.page, query.size);
    }
}
