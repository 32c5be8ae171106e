package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.LeadSlaBreached;
import io.smarketing.events.Topics;
import io.smarketing.testing.TopicProbe;

/**
 * Two instances of leads-service on one database and one consumer group, as Kubernetes runs replicas: both
 * take requests, their outbox relays publish every event once, their SLA jobs report each breach once, and
 * the consumer group shares the partitions between them.
 */
class TwoReplicasTest {

    private static final String SECOND = Platform.LEADS_REPLICA;
    private static final int LEADS = 8;

    @Test
    void bothReplicasServeAndEveryEventIsPublishedOnceInOrder() {
        List<String> ids = createAndAssignThroughBothReplicas("order");

        // each lead's own first two events: a count over all of them could be met while one lead still had none
        // (another test's routing rule may add events of its own to some leads)
        List<ConsumerRecord<String, byte[]>> records = ids.stream()
                .flatMap(id -> TopicProbe.awaitRecords(Topics.LEADS, r -> id.equals(r.key()), 2).stream()).toList();
        Map<String, List<String>> typesByLead = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> TopicProbe.header(r, CloudEventRecord.TYPE), Collectors.toList())));
        for (String id : ids) {
            assertEquals(List.of("io.smarketing.lead.created.v1", "io.smarketing.lead.assigned.v1"),
                    typesByLead.get(id).subList(0, 2), "events of lead " + id + " in order");
        }
        assertEquals(records.size(), records.stream().map(r -> TopicProbe.header(r, CloudEventRecord.ID))
                .distinct().count(), "no event published twice");
    }

    @Test
    void theSlaJobsOfBothReplicasReportEachBreachOnce() {
        List<String> ids = createAndAssignThroughBothReplicas("sla");

        // follow-up is a few seconds on the test platform: both jobs run every second and race for the leads
        List<ConsumerRecord<String, byte[]>> breaches = TopicProbe.awaitRecords(Topics.LEADS,
                r -> ids.contains(r.key()) && LeadSlaBreached.TYPE.equals(TopicProbe.header(r, CloudEventRecord.TYPE)),
                ids.size());
        for (String id : ids) {
            // the timeline is written in the same transaction as the outbox row: exactly one breach each
            List<String> types = as("sales", "sam", Platform.LEADS).when().get("/api/leads/" + id + "/timeline")
                    .then().statusCode(200).extract().jsonPath().getList("items.type");
            assertEquals(1, types.stream().filter("sla-breached"::equals).count(), "breaches of " + id);
        }
        assertEquals(ids.size(), breaches.stream().map(ConsumerRecord::key).distinct().count());
        assertEquals(ids.size(), breaches.size(), "one lead.sla-breached per lead");
    }

    @Test
    void theConsumerGroupSharesThePartitionsBetweenTheReplicas() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers"));
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription group = await().atMost(Duration.ofSeconds(60)).until(
                    () -> admin.describeConsumerGroups(List.of("leads-service")).all().get().get("leads-service"),
                    g -> g.members().size() == 2 && g.members().stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty()));
            Set<Integer> partitions = group.members().stream().map(MemberDescription::assignment)
                    .flatMap(a -> a.topicPartitions().stream()).filter(tp -> tp.topic().equals(Topics.CAMPAIGNS))
                    .map(tp -> tp.partition()).collect(Collectors.toSet());
            int total = admin.describeTopics(List.of(Topics.CAMPAIGNS)).allTopicNames().get()
                    .get(Topics.CAMPAIGNS).partitions().size();
            assertEquals(total, partitions.size(), "every partition of the campaigns topic has one owner");
        }
    }

    /** Leads captured, made MQL and assigned, alternating between the two replicas. */
    private static List<String> createAndAssignThroughBothReplicas(String tag) {
        assertTrue(SECOND != null, "./smarketing test starts a second leads-service");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            String replica = i % 2 == 0 ? Platform.LEADS : SECOND;
            String other = i % 2 == 0 ? SECOND : Platform.LEADS;
            String id = as("marketing", "mia", replica)
                    .body("{\"email\":\"replica-" + tag + "-" + UUID.randomUUID() + "@acme-corp.com\",\"name\":\"Rep Lica\","
                            + "\"company\":\"Acme\",\"title\":\"VP Finance\",\"channel\":\"REFERRAL\"}")
                    .when().post("/api/leads").then().statusCode(201).extract().path("id");
            if (!"MQL".equals(as("marketing", "mia", other).when().get("/api/leads/" + id).then().extract().path("stage"))) {
                as("marketing", "mia", other).when().post("/api/leads/" + id + "/qualify").then().statusCode(200);
            }
            as("sales", "sam", other).body("{\"ownerId\":\"sam\"}").when().post("/api/leads/" + id + "/assign")
                    .then().statusCode(200);
            ids.add(id);
        }
        return ids;
    }
}
