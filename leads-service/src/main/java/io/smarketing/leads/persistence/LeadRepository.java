package io.smarketing.leads.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smarketing.leads.domain.Lead;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {
}
