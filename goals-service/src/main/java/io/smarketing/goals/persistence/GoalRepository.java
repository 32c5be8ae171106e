package io.smarketing.goals.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smarketing.goals.domain.Goal;

@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {
}
