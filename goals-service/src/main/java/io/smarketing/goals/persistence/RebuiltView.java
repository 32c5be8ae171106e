package io.smarketing.goals.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smarketing.chassis.rebuild.ProjectionsSwitched;

/** A rebuild that switched over tells the live instances, whose streams then show the rebuilt view. */
@ApplicationScoped
class RebuiltView {

    private final Projections projections;

    RebuiltView(Projections projections) {
        this.projections = projections;
    }

    void onSwitched(@Observes ProjectionsSwitched switched) {
        QuarkusTransaction.requiringNew().run(projections::notifyViewChanged);
    }
}
