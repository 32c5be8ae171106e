package io.smarketing.leads.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.events.LeadStage;
import io.smarketing.leads.domain.Lead;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** Advisory lock key space for e-mail locks: "LEAD" in ASCII (the chassis' outbox lock is a one-key lock). */
    private static final int EMAIL_LOCK_SPACE = 0x4C454144;
    private static final String OPEN_EMAIL_INDEX = "lead_open_email";
    private static final String OPEN = "stage not in (io.smarketing.events.LeadStage.WON, io.smarketing.events.LeadStage.LOST)";

    /** What a list can be narrowed by; null means "any". */
    public record Filter(LeadStage stage, String ownerId, UUID campaignId, String text) {
    }

    /** The open lead (not won, not lost) with this e-mail, ignoring case: there is at most one. */
    public Optional<Lead> findOpenByEmail(String email) {
        return find("lower(email) = ?1 and " + OPEN, email.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** The open leads with any of these e-mails (lower case), for a bulk import. */
    public List<Lead> findOpenByEmails(Collection<String> lowerCaseEmails) {
        if (lowerCaseEmails.isEmpty()) {
            return List.of();
        }
        return list("lower(email) in ?1 and " + OPEN, lowerCaseEmails);
    }

    /**
     * Serializes captures of one e-mail (across replicas too) until the transaction ends, so the second of
     * two simultaneous submissions finds the first's lead instead of tripping over the unique index.
     */
    public void lockEmail(String email) {
        getEntityManager().createNativeQuery(
                "select count(*) from pg_advisory_xact_lock(:space, hashtext(lower(:email)))")
                .setParameter("space", EMAIL_LOCK_SPACE)
                .setParameter("email", email)
                .getSingleResult();
    }

    /**
     * Sends pending inserts and updates now, inside the service method, so that what the database refuses
     * is a 409 to retry, not a 500 at commit: a concurrent change of the same lead (its version), or an open
     * lead with the same e-mail written meanwhile (the unique index {@code lead_open_email}).
     */
    public void flushChanges() {
        try {
            flush();
        } catch (ConstraintViolationException e) {
            if (OPEN_EMAIL_INDEX.equalsIgnoreCase(e.getConstraintName())) {
                throw ProblemException.conflict(
                        "An open lead with the same e-mail was captured at the same moment; retry the request");
            }
            throw e;
        }
    }

    /** Newest first; the free text matches name, e-mail or company, ignoring case. */
    public PanacheQuery<Lead> search(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.stage() != null) {
            conditions.add("stage = :stage");
            parameters.and("stage", filter.stage());
        }
        if (filter.ownerId() != null) {
            conditions.add("ownerId = :owner");
            parameters.and("owner", filter.ownerId());
        }
        if (filter.campaignId() != null) {
            conditions.add("campaignId = :campaign");
            parameters.and("campaign", filter.campaignId());
        }
        if (filter.text() != null) {
            conditions.add("(lower(name) like :text escape '\\' or lower(email) like :text escape '\\'"
                    + " or lower(company) like :text escape '\\')");
            parameters.and("text", "%" + likeLiteral(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        Sort newestFirst = Sort.descending("createdAt").and("id");
        return conditions.isEmpty() ? findAll(newestFirst)
                : find(String.join(" and ", conditions), newestFirst, parameters);
    }

    /** The user's text matched literally: % and _ are not wildcards to them. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
