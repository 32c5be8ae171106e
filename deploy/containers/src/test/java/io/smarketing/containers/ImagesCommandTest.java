package io.smarketing.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesCommandTest {

    @Test
    void unknownArgumentsAreAUsageError(@TempDir Path repo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, ImagesCommand.run(repo, List.of("push"), new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: images [build|test] [--base IMAGE]"));
        assertEquals(2, ImagesCommand.run(repo, List.of("build", "--base"), new PrintStream(out, true, StandardCharsets.UTF_8)));
    }

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
    void theSystemTestsAreTheJourneysPointedAtTheContainers() {
        Path repo = Path.of("/repo");
        List<String> command = SystemTests.command(repo, Map.of("goals", "http://127.0.0.1:48081"), "127.0.0.1:49092", Path.of("/state"));

        assertTrue(command.containsAll(List.of("/repo/mvnw", "-pl", "system-tests", "verify", "-DskipSystemTests=false",
                "-Dtest=WalkingSkeletonTest,SmarketingLoopTest", "-Dsmarketing.goals.url=http://127.0.0.1:48081",
                "-Dsmarketing.kafka.bootstrap=127.0.0.1:49092", "-Dsmarketing.keys=/state/keys")), command.toString());
    }

    @Test
    void theLocalToolsRunFromDeployLocalsOwnClasspath(@TempDir Path local) throws Exception {
        assertThrows(ContainerFailure.class, () -> HostInfrastructure.localClasspath(local), "not built yet");

        Files.createDirectories(local.resolve("target/classes"));
        Files.writeString(local.resolve("target/runtime-classpath.txt"), "/m2/kafka.jar:/m2/postgres.jar\n");
        assertEquals(local.resolve("target/classes") + ":/m2/kafka.jar:/m2/postgres.jar", HostInfrastructure.localClasspath(local));
    }

    @Test
    void theBrokerIsASingleKraftNodeOnLoopback() {
        String properties = HostInfrastructure.kafkaProperties(Path.of("/state/kafka/data"), 49092);

        assertTrue(properties.contains("listeners=PLAINTEXT://127.0.0.1:49092,CONTROLLER://127.0.0.1:49093\n"));
        assertTrue(properties.contains("controller.quorum.voters=1@127.0.0.1:49093\n"));
        assertTrue(properties.contains("log.dirs=/state/kafka/data\n"));
    }
}
