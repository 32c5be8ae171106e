package io.smarketing.system;

import static io.smarketing.system.Platform.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smarketing.chassis.messaging.CloudEventRecord;
import io.smarketing.events.LeadAssigned;
import io.smarketing.events.Topics;
import io.smarketing.testing.TopicProbe;

/**
 * Automatic routing with two replicas of leads-service on one database: a few hundred MQLs captured through
 * both at once reach the reps of their rule in fair rotation, each lead exactly one owner, and MQLs that found
 * every rep full are routed as answers on either replica free capacity. The shared view shows the handoff.
 */
class RoutingReplicasTest {

    private static final String SECOND = Platform.LEADS_REPLICA;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MQLS = 300;

    @Test
    void aFewHundredMqlsThroughTwoReplicasAreSpreadFairlyAndEachGetsOneOwner() throws Exception {
        String campaign = knownCampaign();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> reps = List.of("sam-rr-" + tag + "-1", "sam-rr-" + tag + "-2", "sam-rr-" + tag + "-3",
                "sam-rr-" + tag + "-4");
        String rule = rule(campaign, reps, 1000);
        try {
            List<String> ids = captureThroughBothReplicas(campaign, MQLS);

            List<ConsumerRecord<String, byte[]>> assignments = TopicProbe.awaitRecords(Topics.LEADS,
                    r -> ids.contains(r.key()) && LeadAssigned.TYPE.equals(TopicProbe.header(r, CloudEventRecord.TYPE)),
                    ids.size());
            Map<String, List<JsonNode>> byLead = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> record : assignments) {
                byLead.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(JSON.readTree(record.value()));
            }
            assertEquals(ids.size(), byLead.size(), "every MQL assigned");
            List<Long> handoffMillis = new ArrayList<>();
            Map<String, Long> spread = new TreeMap<>();
            for (String id : ids) {
                List<JsonNode> events = byLead.get(id);
                assertEquals(1, events.size(), "one lead.assigned for " + id + ": " + events);
                JsonNode event = events.get(0);
                assertEquals("router", event.get("by").asText());
                assertEquals(rule, event.get("routingRuleId").asText());
                String owner = event.get("ownerId").asText();
                spread.merge(owner, 1L, Long::sum);
                handoffMillis.add(Duration.between(Instant.parse(event.get("mqlAt").asText()),
                        Instant.parse(event.get("occurredAt").asText())).toMillis());
            }
            // the replicas agree with the events: one owner each, the one the router named
            for (int i = 0; i < ids.size(); i += 10) {
                String id = ids.get(i);
                String expected = byLead.get(id).get(0).get("ownerId").asText();
                for (String replica : List.of(Platform.LEADS, SECOND)) {
                    assertEquals(expected, as("sales", "sam", replica).when().get("/api/leads/" + id).then()
                            .extract().path("ownerId"));
                }
            }
            long max = spread.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            long min = spread.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            handoffMillis.sort(null);
            System.out.printf("routing through two replicas: %d MQLs, spread per rep %s, handoff median %d ms, "
                    + "p90 %d ms, max %d ms%n", ids.size(), spread, handoffMillis.get(ids.size() / 2),
                    handoffMillis.get(ids.size() * 9 / 10), handoffMillis.get(ids.size() - 1));
            assertEquals(Set.copyOf(reps), spread.keySet());
            assertTrue(max - min <= 1, "round-robin: every rep within one lead of the others: " + spread);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertEquals(MQLS, (int) as("executive", "erin", Platform.GOALS).queryParam("campaignId", campaign)
                            .when().get("/api/view").then().statusCode(200).extract().path("handoff.count")));
        } finally {
            as("executive", "erin", Platform.LEADS).when().delete("/api/routing/rules/" + rule);
        }
    }

    @Test
    void mqlsThatFindEveryRepFullWaitAndGoAsAnswersOnEitherReplicaFreeCapacity() throws Exception {
        String campaign = knownCampaign();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> reps = List.of("sam-rw-" + tag + "-1", "sam-rw-" + tag + "-2");
        String rule = rule(campaign, reps, 3);
        try {
            List<String> ids = captureThroughBothReplicas(campaign, 20);
            Map<String, String> owners = awaitOwners(ids, 6);
            assertEquals(Map.of(reps.get(0), 3L, reps.get(1), 3L), owners.values().stream()
                    .collect(Collectors.groupingBy(o -> o, Collectors.counting())), "capacity 3 each");

            // the reps answer, alternately through the two replicas, until every MQL had its turn
            Set<String> accepted = new java.util.HashSet<>();
            int answers = 0;
            while (owners.size() < ids.size()) {
                for (Map.Entry<String, String> owned : owners.entrySet()) {
                    if (accepted.add(owned.getKey())) {
                        accept(owned.getKey(), owned.getValue(), answers++ % 2 == 0 ? Platform.LEADS : SECOND);
                    }
                }
                owners = awaitOwners(ids, Math.min(ids.size(), owners.size() + 1));
                List<Integer> loads = as("executive", "erin", Platform.LEADS).when().get("/api/routing/reps").then()
                        .extract().jsonPath().getList("items.findAll { it.repId.startsWith('sam-rw-" + tag
                                + "') }.openMqls");
                assertTrue(loads.stream().allMatch(open -> open <= 3), "never above the capacity of 3: " + loads);
            }
            assertEquals(ids.size(), owners.size());
        } finally {
            as("executive", "erin", Platform.LEADS).when().delete("/api/routing/rules/" + rule);
        }
    }

    /**
     * The owner accepts the lead. The test platform's SLA is seconds long, and the SLA job's report of a breach is
     * a versioned change too: an accept that races with it is a 409, to send again.
     */
    private static void accept(String leadId, String owner, String replica) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = as("sales", owner, replica).when().post("/api/leads/" + leadId + "/accept").then()
                    .extract().statusCode();
            assertTrue(status == 200 || status == 409, "accept of " + leadId + " answered " + status);
            return status == 200;
        });
    }

    /** A launched campaign leads-service has replicated (a capture naming it is no longer a 422). */
    private static String knownCampaign() {
        String campaign = Fixtures.campaign(true);
        Platform.captureLead("mia", Map.of("email", "known-" + UUID.randomUUID() + "@acme-corp.com", "name", "Kay",
                "channel", "WEB", "campaignId", campaign)).then().statusCode(201);
        return campaign;
    }

    private static String rule(String campaign, List<String> reps, int capacity) {
        String pool = reps.stream().map(r -> "{\"repId\":\"" + r + "\",\"capacity\":" + capacity + "}")
                .collect(Collectors.joining(","));
        return as("executive", "erin", Platform.LEADS)
                .body("{\"name\":\"Replicas " + campaign + "\",\"campaignId\":\"" + campaign + "\",\"reps\":[" + pool + "]}")
                .when().post("/api/routing/rules").then().statusCode(201).extract().path("id");
    }

    /** MQLs captured by eight clients at once, alternating between the replicas. */
    private static List<String> captureThroughBothReplicas(String campaign, int count) throws Exception {
        assertTrue(SECOND != null, "./smarketing test starts a second leads-service");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> captures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String replica = i % 2 == 0 ? Platform.LEADS : SECOND;
                captures.add(clients.submit(() -> as("marketing", "mia", replica)
                        .body("{\"email\":\"routed-" + UUID.randomUUID() + "@acme-corp.com\",\"name\":\"Ro Uted\","
                                + "\"company\":\"Acme\",\"title\":\"VP Finance\",\"channel\":\"REFERRAL\","
                                + "\"campaignId\":\"" + campaign + "\"}")
                        .when().post("/api/leads").then().statusCode(201).body("stage", org.hamcrest.Matchers.equalTo("MQL"))
                        .extract().<String>path("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> capture : captures) {
                ids.add(capture.get());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits until at least {@code atLeast} of the leads have an owner; lead id → owner. */
    private static Map<String, String> awaitOwners(List<String> ids, int atLeast) {
        Map<String, String> owners = new ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (String id : ids) {
                String owner = as("sales", "sam", SECOND).when().get("/api/leads/" + id).then().extract().path("ownerId");
                if (owner != null) {
                    owners.put(id, owner);
                }
            }
            return owners.size() >= atLeast;
        });
        return owners;
    }
}
