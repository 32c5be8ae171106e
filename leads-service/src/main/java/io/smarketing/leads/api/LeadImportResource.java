package io.smarketing.leads.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.chassis.security.Caller;
import io.smarketing.chassis.security.Roles;
import io.smarketing.leads.config.LeadsConfig;
import io.smarketing.leads.service.LeadImport;

/** {@code POST /api/leads/import}: a CSV file of leads, captured line by line as one request. */
@Path("/api/leads/import")
public class LeadImportResource {

    private final LeadCsv csv;
    private final LeadImport imports;
    private final Caller caller;
    private final long maxBytes;

    LeadImportResource(LeadCsv csv, LeadImport imports, Caller caller, LeadsConfig config) {
        this.csv = csv;
        this.imports = imports;
        this.caller = caller;
        this.maxBytes = config.importMaxBytes();
    }

    /**
     * {@code {created, duplicates, rejected: [{line, error}]}}; valid lines are kept when others are rejected.
     * The body is read as a stream, up to {@code leads.import-max-bytes} (413 beyond, before anything is stored).
     */
    @POST
    @Consumes("text/csv")
    @RolesAllowed(Roles.MARKETING)
    public LeadImport.Result importCsv(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        if (length != null && length > maxBytes) {
            throw tooLarge();
        }
        var reader = new InputStreamReader(new Limited(body, maxBytes), StandardCharsets.UTF_8);
        return imports.importLines(csv.read(reader), caller.name());
    }

    private ProblemException tooLarge() {
        return ProblemException.tooLarge("A CSV import may hold at most " + maxBytes + " bytes; split the file");
    }

    /** Fails the request once more than {@code limit} bytes were read: a chunked body has no length to check first. */
    private final class Limited extends FilterInputStream {

        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b == -1 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        private void count(int read) {
            left -= read;
            if (left < 0) {
                throw tooLarge();
            }
        }
    }
}
