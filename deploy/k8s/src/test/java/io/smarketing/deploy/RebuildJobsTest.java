package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rebuilds (base/rebuild): a suspended CronJob per service whose projections can be rebuilt, the template of
 * the Jobs an operator creates from it. Its pod is the service's own image and configuration under the profile
 * rebuild, with a consumer group of its own per pod, and no Service ever routes to it.
 */
class RebuildJobsTest {

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.smarketing.deploy.ServiceManifestsTest#environmentsAndServices")
    void aRebuildableServiceHasASuspendedRebuildTemplateRunningItsOwnImageAsARebuild(Rendered environment, ServiceCode service) {
        Optional<Map<String, Object>> cronJob = environment.find("CronJob", service.module + "-rebuild");
        assertEquals(service.rebuildable(), cronJob.isPresent(), service + " declares projection tables, and only then has a rebuild");
        if (cronJob.isEmpty()) {
            return;
        }
        assertEquals(Boolean.TRUE, Tree.at(cronJob.get(), "spec.suspend").orElse(null), "never scheduled: a template");
        Map<String, Object> pod = Tree.mapAt(cronJob.get(), "spec.jobTemplate.spec.template");
        List<Map<String, Object>> containers = Tree.mapsAt(pod, "spec.containers");
        assertEquals(1, containers.size());
        Map<String, Object> container = containers.get(0);
        assertEquals(Tree.string(environment.container(service.module), "image"), Tree.string(container, "image"),
                "the rebuild runs the live service's image");
        assertEquals(Tree.mapsAt(environment.container(service.module), "envFrom"), Tree.mapsAt(container, "envFrom"),
                "and its configuration");

        Map<String, Rendered.EnvVar> variables = environment.environmentOf(container).stream()
                .collect(Collectors.toMap(Rendered.EnvVar::name, variable -> variable));
        List<String> unread = variables.keySet().stream().filter(name -> service.keys.keyOf(name).isEmpty()).toList();
        assertEquals(List.of(), unread, service + " reads no configuration key for these variables");
        assertEquals("rebuild", variables.get("QUARKUS_PROFILE").value());
        assertEquals("fieldRef", variables.get("SMARKETING_REBUILD_RUN").source());
        assertEquals("metadata.uid", variables.get("SMARKETING_REBUILD_RUN").value(), "each pod replays from offset 0");
        Map<String, Rendered.EnvVar> live = ServiceManifestsTest.env(environment, service);
        for (String secret : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG")) {
            assertEquals(live.get(secret), variables.get(secret), secret + " as the live service's");
        }
        assertEquals("Never", Tree.string(pod, "spec.restartPolicy"));
        assertEquals(Boolean.FALSE, Tree.at(pod, "spec.automountServiceAccountToken").orElse(null));
        assertEquals(Boolean.TRUE, Tree.at(pod, "spec.securityContext.runAsNonRoot").orElse(null));
        assertEquals(Boolean.TRUE, Tree.at(container, "securityContext.readOnlyRootFilesystem").orElse(null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.smarketing.deploy.ServiceManifestsTest#environmentsAndServices")
    void noServiceSendsRequestsToARebuild(Rendered environment, ServiceCode service) {
        Map<String, Object> selector = Tree.mapAt(environment.one("Service", service.module), "spec.selector");
        for (Map<String, Object> cronJob : environment.all("CronJob")) {
            Map<String, Object> labels = Tree.mapAt(cronJob, "spec.jobTemplate.spec.template.metadata.labels");
            assertFalse(labels.entrySet().containsAll(selector.entrySet()), Tree.name(cronJob) + " matches " + service);
            assertTrue(labels.containsKey("app.kubernetes.io/part-of"), "the Kafka listener admits the platform's pods");
        }
    }
}
