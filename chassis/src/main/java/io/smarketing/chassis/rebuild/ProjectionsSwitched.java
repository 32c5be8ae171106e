package io.smarketing.chassis.rebuild;

import java.util.List;

/**
 * Fired (synchronously, after the commit) in the rebuild process once the rebuilt relations replaced the live
 * ones: a service tells its live instances here what they cannot see by themselves (goals-service: the view
 * changed).
 */
public record ProjectionsSwitched(String schema, List<String> relations) {

    public ProjectionsSwitched {
        relations = List.copyOf(relations);
    }
}
