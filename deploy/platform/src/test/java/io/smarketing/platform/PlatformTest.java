package io.smarketing.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smarketing.events.Topics;

class PlatformTest {

    @TempDir
    Path repository;

    @Test
    void postgresAndKafkaStartTogetherThenTheFourServicesTogether() {
        List<List<String>> waves = Platform.startWaves().stream()
                .map(wave -> wave.stream().map(Component::name).toList()).toList();
        assertEquals(List.of(List.of("postgres", "kafka"),
                List.of("goals-service", "leads-service", "campaigns-service", "feedback-service")), waves);
    }

    @Test
    void everyProfileHasItsOwnPortsAndNoTwoComponentsShareOne() {
        Set<Integer> taken = new HashSet<>();
        for (Profile profile : Profile.values()) {
            Addresses addresses = Addresses.resolve(profile, repository, Map.of()).withReplica(Platform.LEADS);
            List<Integer> ports = new ArrayList<>(List.of(addresses.postgresPort(), addresses.kafkaPort(), addresses.kafkaPort() + 1));
            ports.addAll(addresses.instances().values());
            for (int port : ports) {
                assertTrue(taken.add(port), port + " twice (" + profile + ")");
            }
        }
        assertEquals(List.of(18081, 18082, 18083, 18084, 18092),
                List.copyOf(Addresses.resolve(Profile.TEST, repository, Map.of()).withReplica(Platform.LEADS).instances().values()));
    }

    @Test
    void theLocalPlatformMovesByItsEnvironmentVariablesTheOthersDoNot() {
        Map<String, String> environment = Map.of("SMARKETING_HOME", repository.resolve("elsewhere").toString(),
                "SMARKETING_LEADS_PORT", "9082", "SMARKETING_PG_PORT", "6432", "SMARKETING_KAFKA_PORT", "9092");
        Addresses local = Addresses.resolve(Profile.LOCAL, repository, environment);
        assertEquals(repository.resolve("elsewhere"), local.state().root());
        assertEquals("http://127.0.0.1:9082", local.url("leads-service"));
        assertEquals("jdbc:postgresql://127.0.0.1:6432/leads", local.jdbcUrl("leads"));
        assertEquals("127.0.0.1:9092", local.kafkaBootstrap());
        assertEquals(8081, local.port("goals-service"));

        Addresses test = Addresses.resolve(Profile.TEST, repository, environment);
        assertEquals(repository.resolve(".smarketing/test"), test.state().root());
        assertEquals(18082, test.port("leads-service"));
        assertEquals(25432, test.postgresPort());
    }

    @Test
    void anExistingPostgresOrKafkaIsTakenFromTheEnvironmentByEveryProfile() {
        Addresses test = Addresses.resolve(Profile.TEST, repository,
                Map.of("SMARKETING_PG_HOST", "db.example", "SMARKETING_KAFKA_BOOTSTRAP", "broker1:9092"));
        assertTrue(test.externalPostgres() && test.externalKafka());
        assertEquals("jdbc:postgresql://db.example:5432/goals", test.jdbcUrl("goals"));
        assertEquals("broker1:9092", test.kafkaBootstrap());
    }

    @Test
    void aPortThatIsNoPortIsSaidSo() {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Addresses.resolve(Profile.LOCAL, repository, Map.of("SMARKETING_GOALS_PORT", "eighty")));
        assertEquals("SMARKETING_GOALS_PORT=eighty is not a port (1-65535)", wrong.getMessage());
    }

    @Test
    void whatUpWritesTheTestsReadBack() {
        Addresses written = Addresses.resolve(Profile.TEST, repository, Map.of()).withReplica(Platform.LEADS);
        written.write();
        assertEquals(written, Addresses.read(written.state().root()));
    }

    @Test
    void aStateFolderRemembersItsPlatformSoThatUpThereBringsBackTheSame() {
        Addresses test = Addresses.resolve(Profile.TEST, repository, Map.of());
        test.write();
        Addresses again = Addresses.resolve(Profile.LOCAL, repository,
                Map.of("SMARKETING_HOME", test.state().root().toString(), "SMARKETING_GOALS_PORT", "9081"));
        assertEquals(Profile.TEST, again.profile());
        assertEquals(18081, again.port("goals-service"), "the test platform's port, not the local one's");
        assertEquals(test.postgresPort(), again.postgresPort());
        assertEquals(Profile.LOCAL, Addresses.resolve(Profile.LOCAL, repository, Map.of()).profile(), "a fresh folder");
    }

    @Test
    void theDatabasePasswordsAreRandomPerStateFolderStableAndTheOwnersAlone() throws Exception {
        StateFolder one = new StateFolder(repository.resolve("one"));
        DatabaseCredentials first = DatabaseCredentials.local(one);
        assertEquals(first.password("leads"), DatabaseCredentials.local(one).password("leads"), "made once");
        assertEquals(first.superuserPassword(), DatabaseCredentials.read(one).superuserPassword());
        assertNotEquals(first.password("leads"), DatabaseCredentials.local(new StateFolder(repository.resolve("two"))).password("leads"));
        assertNotEquals(first.password("leads"), first.password("goals"));
        assertEquals("leads", first.user("leads"));
        assertTrue(first.password("leads").length() >= 32);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one.databaseCredentials())));
    }

    @Test
    void everyServiceConsumesOnlyEventTopicsAndNeverItsOwn() {
        for (Service service : Platform.SERVICES) {
            assertTrue(Topics.EVENT_TOPICS.containsAll(service.consumes()), service.name());
        }
        assertEquals(Set.of(Topics.LEADS, Topics.CAMPAIGNS, Topics.FEEDBACK), Platform.GOALS.consumes());
    }
}
