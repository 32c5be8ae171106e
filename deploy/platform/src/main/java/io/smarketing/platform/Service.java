package io.smarketing.platform;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One of the four services.
 *
 * @param component how it runs
 * @param database the PostgreSQL database it owns, and the name of its role
 * @param consumes the topics it reads (its consumer group is its name)
 */
public record Service(Component component, String database, Set<String> consumes) {

    public Service {
        consumes = Set.copyOf(consumes);
    }

    /** e.g. {@code leads-service} */
    public String name() {
        return component.name();
    }

    /** The variable with extra JVM options for this service only, e.g. {@code SMARKETING_LEADS_SERVICE_OPTS}. */
    public String optionsVariable() {
        return "SMARKETING_" + name().toUpperCase(Locale.ROOT).replace('-', '_') + "_OPTS";
    }

    /** The second instance of a service (two replicas on one database and one consumer group), e.g. leads-service-2. */
    public String replicaName() {
        return name() + Platform.REPLICA_SUFFIX;
    }

    static Service of(String area, int port, String... consumes) {
        String name = area + "-service";
        Component component = new Component(name, name, port, "SMARKETING_" + area.toUpperCase(Locale.ROOT) + "_PORT", 1,
                List.of(Platform.POSTGRES.name(), Platform.KAFKA.name()),
                new Start.QuarkusApp(name, List.of("-Xmx256m")), new Readiness.HttpOk(Platform.READINESS_PATH));
        return new Service(component, area, Set.of(consumes));
    }
}
