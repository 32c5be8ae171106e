package io.smarketing.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesCommandTest {

    @Test
    void podmanRunsWithTheSettingsThatWorkHere(@TempDir Path state) throws Exception {
        Podman podman = Podman.configured(state);
        String conf = Files.readString(state.resolve("containers.conf"));

        assertTrue(conf.contains("default_ulimits = []"));
        assertTrue(conf.contains("runtime = \"runc\""));
        assertEquals(Map.of("CONTAINERS_CONF", state.resolve("containers.conf").toString(), "BUILDAH_ISOLATION", "chroot"),
                podman.environment());
    }

    @Test
    void theImagesAreBuiltOnTheGivenBaseFromEachServicesDockerfile() {
        ServiceContainer feedback = ServiceContainerTest.byName("feedback-service");
        Path module = ServiceContainerTest.REPO.resolve("feedback-service");

        assertEquals(List.of("build", "--isolation=chroot", "--build-arg", "BASE_IMAGE=localhost/base:1",
                "-f", module.resolve("src/main/docker/Dockerfile.jvm").toString(), "-t", "localhost/smarketing/feedback-service:local",
                module.toString()), ServiceImages.buildArguments(feedback, "localhost/base:1"));
    }

    @Test
    void theSystemTestsAreTheJourneysPointedAtTheStagesStateFolder() {
        List<String> command = SystemTests.command(Path.of("/repo"), Path.of("/state"));

        assertTrue(command.containsAll(List.of("/repo/mvnw", "-pl", "system-tests", "verify", "-DskipSystemTests=false",
                "-Dtest=WalkingSkeletonTest,SmarketingLoopTest", "-Dsmarketing.home=/state")), command.toString());
    }
}
