package io.smarketing.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The container settings as the repository's compose file and Kubernetes manifests give them. */
class ServiceContainerTest {

    static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void theFourServicesComposeBuildsAreTheContainers() {
        assertEquals(List.of("goals-service", "leads-service", "campaigns-service", "feedback-service"),
                ServiceContainer.all(REPO).stream().map(ServiceContainer::service).toList());
    }

    @Test
    void aServiceHasComposesDefinitionAndItsPodsLimits() {
        ServiceContainer leads = byName("leads-service");

        assertEquals(REPO.resolve("leads-service"), leads.module());
        assertEquals("src/main/docker/Dockerfile.jvm", leads.dockerfile());
        assertEquals("smarketing/leads-service", leads.image());
        assertEquals(8082, leads.port());
        assertEquals("leads", leads.database());
        assertEquals("30s", leads.environment().get("QUARKUS_SHUTDOWN_TIMEOUT"), "the shared settings, merged from the anchor");
        assertTrue(leads.readOnly());
        assertEquals(List.of("/tmp"), leads.tmpfs());
        assertEquals(Map.of(REPO.resolve(".smarketing/keys/public.pem"), "/etc/smarketing/jwt/public.pem"), leads.mounts());
        assertEquals(640L * 1024 * 1024, leads.memoryLimit());
        assertEquals(1.0, leads.cpuLimit());
        assertEquals(Duration.ofSeconds(70), leads.grace());
    }

    @Test
    void kubernetesQuantitiesAreReadInTheirUnits() {
        assertEquals(640.0 * 1024 * 1024, ServiceContainer.quantity("640Mi"));
        assertEquals(1024.0 * 1024 * 1024, ServiceContainer.quantity("1Gi"));
        assertEquals(0.25, ServiceContainer.quantity("250m"));
        assertEquals(2.0, ServiceContainer.quantity("2"));
        assertThrows(ContainerFailure.class, () -> ServiceContainer.quantity("lots"));
    }

    static ServiceContainer byName(String name) {
        return ServiceContainer.all(REPO).stream().filter(service -> service.service().equals(name)).findFirst().orElseThrow();
    }
}
