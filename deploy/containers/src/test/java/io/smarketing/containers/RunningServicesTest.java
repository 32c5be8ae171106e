package io.smarketing.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smarketing.platform.Addresses;
import io.smarketing.platform.DatabaseCredentials;
import io.smarketing.platform.Profile;

class RunningServicesTest {

    @TempDir
    static Path state;
    private static Endpoints host;
    private final ServiceContainer goals = ServiceContainerTest.byName("goals-service");

    @BeforeAll
    static void stage() {
        Addresses addresses = Addresses.resolve(Profile.IMAGES, state, Map.of());
        host = new Endpoints(addresses, DatabaseCredentials.local(addresses.state()));
    }

    @Test
    void aContainerRunsWithItsPodsLimitsAndHardeningOnTheHostsNetwork() {
        List<String> args = RunningServices.runArguments(goals, host);

        assertEquals(List.of("run", "-d", "--name", "smarketing-goals-service", "--network=host"), args.subList(0, 5));
        assertTrue(args.containsAll(List.of("--memory=671088640", "--cpus=1.0", "--cap-drop=ALL",
                "--security-opt=no-new-privileges", "--read-only")), args.toString());
        assertEquals("/tmp", args.get(args.indexOf("--tmpfs") + 1));
        assertEquals(state.resolve(".smarketing/containers/stage/keys/public.pem") + ":/etc/smarketing/jwt/public.pem:ro",
                args.get(args.indexOf("-v") + 1),
                "the key the stage signs its tokens with");
        assertEquals("localhost/smarketing/goals-service:local", args.get(args.size() - 1));
    }

    @Test
    void onTheHostsNetworkTheServiceFindsTheHostsDatabaseAndBrokerAndListensOnlyLocally() {
        Map<String, String> environment = RunningServices.hostEnvironment(goals, host);

        assertEquals("jdbc:postgresql://127.0.0.1:20432/goals", environment.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("goals", environment.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(host.credentials().password("goals"), environment.get("QUARKUS_DATASOURCE_PASSWORD"),
                "the stage's own random password, not the compose file's");
        assertEquals("127.0.0.1:24092", environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("127.0.0.1", environment.get("QUARKUS_HTTP_HOST"));
        assertEquals("13081", environment.get("QUARKUS_HTTP_PORT"));
        assertEquals("/etc/smarketing/jwt/public.pem", environment.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertEquals("http://127.0.0.1:13081", host.url(goals));
    }

    @Test
    void theHeapShareTheImageAsksForIsItsMaxRamPercentage() {
        assertEquals(0.6, RunningServices.maxRamShare("-XX:MaxRAMPercentage=60.0 -XX:+ExitOnOutOfMemoryError"));
        assertThrows(ContainerFailure.class, () -> RunningServices.maxRamShare("-Xmx256m"));
    }

    @Test
    void aStopIsGracefulWhenTheJvmEndedItselfWithinTheGracePeriod() {
        Duration grace = Duration.ofSeconds(70);
        assertTrue(new RunningServices.Stop("s", Duration.ofSeconds(2), 143, grace, true).graceful());
        assertTrue(new RunningServices.Stop("s", Duration.ofSeconds(2), 0, grace, true).graceful());
        assertFalse(new RunningServices.Stop("s", Duration.ofSeconds(71), 137, grace, true).graceful(), "killed");
        assertFalse(new RunningServices.Stop("s", Duration.ofSeconds(2), 1, grace, true).graceful(), "failed while stopping");
        assertFalse(new RunningServices.Stop("s", Duration.ofSeconds(2), 143, grace, false).graceful(), "no shutdown logged");
    }
}
