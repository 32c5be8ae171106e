package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.smarketing.platform.Platform;
import io.smarketing.platform.Service;

/**
 * The committed service manifests are what {@link ServiceManifests} makes of the template: what the template
 * guarantees then holds for all four, and the other tests check it once. With -Dsmarketing.k8s.regenerate this test
 * rewrites them instead (deploy/k8s/README.md).
 */
class GeneratedServiceManifestsTest {

    static final String REGENERATE = "./mvnw -q -pl deploy/k8s -am test -Dtest=GeneratedServiceManifestsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsmarketing.k8s.regenerate";

    static List<Service> services() {
        return Platform.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void theCommittedManifestIsWhatTheTemplateMakesOfTheService(Service service) throws IOException {
        ServiceManifests manifests = ServiceManifests.of(Repo.K8S);
        if (Boolean.getBoolean("smarketing.k8s.regenerate")) {
            manifests.write(Repo.K8S, service);
        }
        Path file = ServiceManifests.file(Repo.K8S, service);
        String rendered = manifests.render(service);
        String content = Files.exists(file) ? Files.readString(file) : "";

        if (!rendered.equals(content)) {
            List<String> expected = rendered.lines().toList();
            List<String> committed = content.lines().toList();
            int line = 0;
            while (line < expected.size() && line < committed.size() && expected.get(line).equals(committed.get(line))) {
                line++;
            }
            fail(Repo.ROOT.relativize(file) + " is not what deploy/k8s/" + ServiceManifests.TEMPLATE + " makes of " + service.name()
                    + " (line " + (line + 1) + ": " + lineOrEnd(committed, line) + ", expected " + lineOrEnd(expected, line)
                    + "). Edit the template or " + ServiceManifests.OWN_CONFIG + ", not the file, and regenerate: " + REGENERATE);
        }
    }

    @Test
    void theServicesOwnEntriesGoWhereTheTemplateSaysAtItsIndentation() {
        ServiceManifests manifests = new ServiceManifests("data:\n  A: ${service}:${port}/${database}\n  ${config}\n---\n",
                ServiceManifests.parseOwnConfig("leads-service: |\n  # why\n  B: \"1\"\n"));

        assertEquals(ServiceManifests.HEADER + "data:\n  A: leads-service:8082/leads\n  # why\n  B: \"1\"\n---\n",
                manifests.render(Platform.LEADS));
        assertEquals(ServiceManifests.HEADER + "data:\n  A: goals-service:8081/goals\n---\n", manifests.render(Platform.GOALS),
                "a service without entries of its own");
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index < lines.size() ? "'" + lines.get(index) + "'" : "the end of the file";
    }

    @Test
    void aPlaceholderOrAServiceTheGeneratorDoesNotKnowFails() {
        ServiceManifests unknownPlaceholder = new ServiceManifests("name: ${servce}\n${config}\n", Map.of());

        assertThrows(IllegalArgumentException.class, () -> unknownPlaceholder.render(Platform.LEADS));
        assertThrows(IllegalArgumentException.class, () -> new ServiceManifests("${config}\n", Map.of("lead-service", "A: 1\n")));
        assertThrows(IllegalArgumentException.class, () -> new ServiceManifests("name: ${service}\n", Map.of()),
                "a template without a place for the services' own entries");
    }
}
