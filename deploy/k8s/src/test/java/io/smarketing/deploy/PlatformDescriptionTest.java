package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests are generated from the platform description; each service's own application.properties (which a
 * service run outside the launcher or a manifest reads), its artifact and its subscriptions must say the same.
 */
class PlatformDescriptionTest {

    static Iterable<ServiceCode> services() {
        return ServiceCode.all();
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceConfiguresThePortAndDatabaseOfTheDescription(ServiceCode service) {
        assertEquals(service.httpPort(), service.configuredHttpPort(), "quarkus.http.port of " + service);
        assertEquals(service.databaseName(), service.configuredDatabaseName(), "database of " + service);
        assertEquals(service.service.name(), service.applicationName(), "quarkus.application.name of " + service);
        // the manifests name the image, the Deployment and the Kafka user after the description, the build after the artifact
        assertEquals(service.service.name(), service.artifactId(), "artifactId of " + service);
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceSubscribesToTheTopicsTheDescriptionSaysItConsumes(ServiceCode service) {
        // dead letters go back only to these (./smarketing dead-letters --replay)
        assertEquals(new TreeSet<>(service.service.consumes()), service.consumedTopics(), service.toString());
    }
}
