package io.smarketing.leads.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smarketing.chassis.outbox.Outbox;
import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.leads.domain.Lead;
import io.smarketing.leads.persistence.LeadRepository;

/** The transaction boundary of leads-service: each change and its event commit together. */
@ApplicationScoped
public class LeadService {

    private final LeadRepository leads;
    private final Outbox outbox;
    private final Clock clock;

    LeadService(LeadRepository leads, Outbox outbox) {
        this.leads = leads;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Lead capture(Lead.NewLead details, String by) {
        Lead.Capture capture = Lead.capture(details, by, Instant.now(clock));
        leads.persist(capture.lead());
        outbox.publish(capture.event());
        return capture.lead();
    }

    @Transactional(TxType.SUPPORTS)
    public Lead get(UUID id) {
        return leads.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Lead", id));
    }

    @Transactional(TxType.SUPPORTS)
    public io.smarketing.chassis.api.Page<Lead> list(int page, int size) {
        var query = leads.findAll(Sort.descending("createdAt").and("id"));
        return new io.smarketing.chassis.api.Page<>(query.page(Page.of(page, size)).list(), query.count(), page, size);
    }
}
