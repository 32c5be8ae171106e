package io.smarketing.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.smarketing.events.Topics;

/** Kafka (Strimzi) and PostgreSQL (CloudNativePG) against the services' code, in every environment. */
class PlatformManifestsTest {

    static Stream<Rendered> environments() {
        return Rendered.all();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void thereIsATopicForEveryEventTopicAndEveryDeadLetterTopic(Rendered environment) {
        Set<String> fromTheContract = new TreeSet<>(Topics.EVENT_TOPICS);
        ServiceCode.SERVICES.forEach(service -> fromTheContract.add(Topics.deadLetter(service)));
        Set<String> fromTheServices = new TreeSet<>();
        for (ServiceCode service : ServiceCode.all()) {
            fromTheServices.addAll(service.publishedTopics());
            fromTheServices.addAll(service.consumedTopics());
            fromTheServices.add(service.deadLetterTopic());
        }

        assertEquals(fromTheContract, topicNames(environment));
        assertEquals(fromTheServices, topicNames(environment), "what the services publish, consume and dead-letter");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void eventTopicsKeepTheirHistoryAndDeadLettersStayLongEnoughToReDrive(Rendered environment) {
        Set<String> deadLetterTopics = ServiceCode.SERVICES.stream().map(Topics::deadLetter).collect(Collectors.toSet());
        for (Map<String, Object> topic : environment.all("KafkaTopic")) {
            Map<String, Object> config = Tree.mapAt(topic, "spec.config");
            assertEquals("delete", config.get("cleanup.policy"), "events are history, not snapshots: no compaction");
            long retention = ((Number) config.get("retention.ms")).longValue();
            if (deadLetterTopics.contains(Tree.name(topic))) {
                assertTrue(retention >= Duration.ofDays(7).toMillis(), Tree.name(topic));
            } else {
                assertEquals(-1L, retention, Tree.name(topic) + " is replayed from the beginning to rebuild views");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void topicsSurviveTheLossOfABrokerWhereThereAreThree(Rendered environment) {
        int brokers = environment.all("KafkaNodePool").stream()
                .filter(pool -> Tree.list(Tree.at(pool, "spec.roles").orElseThrow()).contains("broker"))
                .mapToInt(pool -> ((Number) Tree.at(pool, "spec.replicas").orElseThrow()).intValue()).sum();
        for (Map<String, Object> topic : environment.all("KafkaTopic")) {
            int replicas = ((Number) Tree.at(topic, "spec.replicas").orElseThrow()).intValue();
            int minInSync = ((Number) Tree.mapAt(topic, "spec.config").get("min.insync.replicas")).intValue();
            assertTrue(replicas <= brokers, Tree.name(topic) + ": more replicas than brokers");
            if (brokers >= 3) {
                assertEquals(List.of(3, 2), List.of(replicas, minInSync), Tree.name(topic));
            } else {
                assertTrue(minInSync <= replicas, Tree.name(topic));
            }
        }
        Map<String, Object> config = Tree.mapAt(environment.kafka(), "spec.kafka.config");
        for (String internal : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor", "default.replication.factor")) {
            assertTrue(((Number) config.get(internal)).intValue() <= brokers, internal);
        }
        assertEquals(Boolean.FALSE, config.get("auto.create.topics.enable"), "topics are declared, never created by a typo");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void kafkaRunsKRaftNodePoolsWithAuthorization(Rendered environment) {
        String cluster = Tree.name(environment.kafka());
        Set<String> roles = new TreeSet<>();
        for (Map<String, Object> pool : environment.all("KafkaNodePool")) {
            assertEquals(cluster, Tree.mapAt(pool, "metadata.labels").get("strimzi.io/cluster"));
            Tree.list(Tree.at(pool, "spec.roles").orElseThrow()).forEach(role -> roles.add(String.valueOf(role)));
        }
        assertEquals(Set.of("broker", "controller"), roles, "KRaft: controllers and brokers, no ZooKeeper");
        assertEquals("simple", Tree.string(environment.kafka(), "spec.kafka.authorization.type"), "ACLs are enforced");
        for (String kind : List.of("KafkaTopic", "KafkaUser")) {
            environment.all(kind).forEach(resource ->
                    assertEquals(cluster, Tree.mapAt(resource, "metadata.labels").get("strimzi.io/cluster"), Tree.name(resource)));
        }
    }

    @ParameterizedTest
    @MethodSource("environments")
    void eachServiceMayWriteOnlyItsTopicAndReadOnlyWhatItConsumes(Rendered environment) {
        for (ServiceCode service : ServiceCode.all()) {
            Set<String> expected = new TreeSet<>();
            service.publishedTopics().forEach(topic -> {
                expected.add("topic " + topic + " Write");
                expected.add("topic " + topic + " Describe");
            });
            expected.add("cluster IdempotentWrite");
            service.consumedTopics().forEach(topic -> {
                expected.add("topic " + topic + " Read");
                expected.add("topic " + topic + " Describe");
            });
            expected.add("group " + service.consumerGroup() + " Read");
            if (service.rebuildable()) {
                expected.add("group " + service.rebuildGroupPrefix() + "* Read");
            }
            expected.add("topic " + service.deadLetterTopic() + " Write");
            expected.add("topic " + service.deadLetterTopic() + " Describe");

            Map<String, Object> user = environment.one("KafkaUser", service.applicationName());
            assertEquals("scram-sha-512", Tree.string(user, "spec.authentication.type"));
            assertEquals(expected, grants(user), service + "'s ACLs");
        }
    }

    /** The ACLs fit SmallRye's consumers and the chassis' one kind of producer (outbox relay, dead letters). */
    @Test
    void theAclsCoverEveryKafkaClientTheCodeCreates() {
        Pattern otherClients = Pattern.compile("new KafkaConsumer|new KafkaProducer|Admin(Client)?\\.create|@Outgoing|Emitter<");
        List<String> creators = Stream.concat(Stream.of("chassis"), ServiceCode.SERVICES.stream())
                .flatMap(module -> ServiceCode.javaSources(Repo.path(module + "/src/main/java")))
                .filter(source -> otherClients.matcher(Repo.read(source)).find())
                .map(source -> source.getFileName().toString()).toList();

        // ProjectionRebuild's admin client reads topic offsets and its own group's (Describe, implied by Read).
        assertEquals(List.of("Producers.java", "ProjectionRebuild.java"), creators.stream().sorted().toList(),
                "a new Kafka client may need other ACLs in kafka/users.yaml");
    }

    @ParameterizedTest
    @MethodSource("environments")
    void everyServiceDatabaseExistsOnceInTheCluster(Rendered environment) {
        Map<String, Object> postgres = environment.postgres();
        List<String> databases = new ArrayList<>();
        databases.add(Tree.string(postgres, "spec.bootstrap.initdb.database"));
        environment.all("Database").forEach(database -> {
            assertEquals(Tree.name(postgres), Tree.string(database, "spec.cluster.name"));
            assertEquals("retain", Tree.string(database, "spec.databaseReclaimPolicy"), "deleting the resource keeps the data");
            databases.add(Tree.string(database, "spec.name"));
        });

        assertEquals(ServiceCode.all().stream().map(ServiceCode::databaseName).sorted().toList(), databases.stream().sorted().toList());
        assertEquals(Boolean.FALSE, Tree.at(postgres, "spec.enableSuperuserAccess").orElse(null));
    }

    /** Every replica the autoscalers may start holds its pool (and goals-service one LISTEN connection). */
    @ParameterizedTest
    @MethodSource("environments")
    void postgresAcceptsTheConnectionsOfEveryReplicaTheAutoscalersMayStart(Rendered environment) {
        int reservedForTheOperatorAndSuperuser = 10;
        int needed = 0;
        for (ServiceCode service : ServiceCode.all()) {
            int maxReplicas = ((Number) Tree.at(environment.one("HorizontalPodAutoscaler", service.module), "spec.maxReplicas").orElseThrow()).intValue();
            int pool = Integer.parseInt(ServiceManifestsTest.env(environment, service).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE").value());
            needed += maxReplicas * (pool + dedicatedConnections(service));
        }
        int maxConnections = Integer.parseInt(Tree.string(environment.postgres(), "spec.postgresql.parameters.max_connections"));

        assertTrue(needed + reservedForTheOperatorAndSuperuser <= maxConnections,
                environment + ": " + needed + " connections may be opened, max_connections is " + maxConnections);
    }

    @Test
    void theClusterRunsThePostgresqlMajorVersionOfComposeAndTheTests() {
        String image = Tree.string(Rendered.of("base").postgres(), "spec.imageName");
        String compose = Tree.string(Compose.read().service("postgres"), "image");

        assertEquals(major(compose), major(image));
    }

    /** Connections a service opens beside its pool: goals-service LISTENs on one of its own. */
    private static int dedicatedConnections(ServiceCode service) {
        return (int) ServiceCode.javaSources(Repo.path(service.module + "/src/main/java")).map(Repo::read)
                .filter(source -> source.contains("DriverManager.getConnection")).count();
    }

    private static String major(String image) {
        return image.substring(image.lastIndexOf(':') + 1).split("[.-]")[0];
    }

    private static Set<String> topicNames(Rendered environment) {
        return environment.all("KafkaTopic").stream().map(Tree::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> grants(Map<String, Object> user) {
        Set<String> grants = new TreeSet<>();
        for (Map<String, Object> acl : Tree.mapsAt(user, "spec.authorization.acls")) {
            Map<String, Object> resource = Tree.map(acl.get("resource"));
            String type = String.valueOf(resource.get("type"));
            boolean prefix = "prefix".equals(resource.get("patternType"));
            assertTrue("cluster".equals(type) || "literal".equals(resource.get("patternType")) || prefix && "group".equals(type),
                    "no wildcard grants, and a prefix only for the consumer groups of rebuilds: " + acl);
            String target = "cluster".equals(type) ? "cluster" : type + " " + resource.get("name") + (prefix ? "*" : "");
            Tree.list(acl.get("operations")).forEach(operation -> grants.add(target + " " + operation));
        }
        return grants;
    }
}
