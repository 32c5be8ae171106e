package io.smarketing.leads.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    private static final String OPEN_EMAIL_INDEX = "lead_open_email";
    private static final String OPEN = "stage not in (io.smarketing.events.LeadStage.WON, io.smarketing.events.LeadStage.LOST)";

    /** What a list can be narrowed by; null means "any". */
    public record Filter(LeadStage stage, String ownerId, UUID campaignId, String text) {
    }

    /** The order of a list: newest first, or the soonest follow-up deadline first (leads without one last). */
    public enum Order {
        NEWEST(Sort.descending("createdAt").and("id")),
        SLA_DUE(Sort.by("slaDueAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("id"));

        private final Sort sort;

        Order(Sort sort) {
            this.sort = sort;
        }
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
     * Stores a new lead in one statement unless an open lead has its e-mail; true when it was stored. Two
     * simultaneous submissions of one e-mail meet on the open-e-mail unique index: the second waits for the
     * first to commit and then stores nothing, so it finds the first's lead (across replicas too).
     */
    public boolean insertIfNoOpenLead(Lead lead) {
        return getEntityManager().createNativeQuery("""
                insert into lead (id, email, name, company, title, phone, campaign_id, channel, score, stage,
                                  mql_at, created_at, updated_at, version)
                values (:id, :email, :name, :company, :title, :phone, :campaign, :channel, :score, :stage,
                        :mqlAt, :created, :updated, 0)
                on conflict (lower(email)) where stage not in ('WON', 'LOST') do nothing""")
                .setParameter("id", lead.id())
                .setParameter("email", lead.email())
                .setParameter("name", lead.name())
                .setParameter("company", lead.company())
                .setParameter("title", lead.title())
                .setParameter("phone", lead.phone())
                .setParameter("campaign", lead.campaignId())
                .setParameter("channel", lead.channel().name())
                .setParameter("score", lead.score())
                .setParameter("stage", lead.stage().name())
                .setParameter("mqlAt", lead.mqlAt())
                .setParameter("created", lead.createdAt())
                .setParameter("updated", lead.updatedAt())
                .executeUpdate() == 1;
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

    /**
     * Loads the leads and locks their rows until the transaction ends, in id order (so two requests locking
     * some of the same leads never deadlock). A lead read this way is current: nobody changes it meanwhile.
     */
    public List<Lead> lockAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return find("id in ?1", Sort.ascending("id"), ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The ids of the open leads with these e-mails (lower case), by e-mail. */
    public Map<String, UUID> openIdsByEmails(Collection<String> lowerCaseEmails) {
        if (lowerCaseEmails.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = getEntityManager().createQuery("select lower(email), id from Lead where lower(email) in ?1 and "
                + OPEN, Object[].class).setParameter(1, lowerCaseEmails).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (UUID) row[1]));
    }

    /** Each of these reps' load: the MQLs assigned to them that wait for their answer (reps with none are absent). */
    public Map<String, Integer> openMqlLoads(Collection<String> reps) {
        Map<String, Integer> loads = new HashMap<>();
        if (reps.isEmpty()) {
            return loads;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                select ownerId, count(*) from Lead where stage = io.smarketing.events.LeadStage.MQL and ownerId in ?1
                group by ownerId""", Object[].class).setParameter(1, reps).getResultList();
        rows.forEach(row -> loads.put((String) row[0], ((Number) row[1]).intValue()));
        return loads;
    }

    /** The free text matches name, e-mail or company, ignoring case. */
    public PanacheQuery<Lead> search(Filter filter, Order order) {
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
        return conditions.isEmpty() ? findAll(order.sort)
                : find(String.join(" and ", conditions), order.sort, parameters);
    }

    /** The user's text matched literally: % and _ are not wildcards to them. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
