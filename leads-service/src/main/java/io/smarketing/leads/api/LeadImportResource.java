package io.smarketing.leads.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.leads.service.LeadImport;

/** {@code POST /api/leads/import}: a CSV file of leads, captured line by line as one request. */
@Path("/api/leads/import")
public class LeadImportResource {

    private final LeadCsv csv;
    private final LeadImport imports;
    private final Caller caller;

    LeadImportResource(LeadCsv csv, LeadImport imports, Caller caller) {
        this.csv = csv;
        this.imports = imports;
        this.caller = caller;
    }

    /** {@code {created, duplicates, rejected: [{line, error}]}}; valid lines are kept when others are rejected. */
    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.MARKETING)
    public LeadImport.Result importCsv(String body) {
        return imports.importLines(csv.read(body), caller.name());
    }
}
