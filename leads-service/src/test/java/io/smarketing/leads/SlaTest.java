package io.smarketing.leads;

import static io.smarketing.leads.LeadsApi.MARKETING;
import static io.smarketing.leads.LeadsApi.SALES;
import static io.smarketing.leads.LeadsApi.as;
import static io.smarketing.leads.LeadsApi.assignedLead;
import static io.smarketing.leads.LeadsApi.awaitEvent;
import static io.smarketing.leads.LeadsApi.inTransaction;
import static io.smarketing.leads.LeadsApi.outboxEvents;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.LeadAccepted;
import io.smarketing.events.LeadSlaBreached;
import io.smarketing.leads.service.SlaMonitor;
import io.smarketing.testing.RealInfrastructure;

/**
 * The follow-up SLA. Tests move an assignment's deadline into the past in the database instead of waiting
 * for it; the job itself runs every second in the test profile ({@code leads.sla-check-interval}).
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SlaTest {

    private static final String JOB = "lead-sla-check";

    @Inject
    SlaMonitor monitor;
    @Inject
    Scheduler scheduler;

    @Test
    void theJobReportsAnOverdueAssignmentOnceAsSlaBreached() {
        String id = assignedLead("sam");
        Instant due = makeOverdue(id);

        JsonNode event = awaitEvent(id, LeadSlaBreached.TYPE);
        assertEquals("sam", event.get("ownerId").asText());
        assertEquals(due, Instant.parse(event.get("slaDueAt").asText()));
        assertEquals("system", event.get("by").asText());
        assertEquals("MQL", event.get("stage").asText());

        monitor.reportDue(Instant.now());
        monitor.reportDue(Instant.now());
        assertEquals(1, outboxEvents(id, LeadSlaBreached.TYPE));
        as(SALES, "sam").when().get("/api/leads/" + id).then().body("slaBreachedAt", org.hamcrest.Matchers.notNullValue());
        as(SALES, "sam").when().get("/api/leads/" + id + "/timeline")
                .then().body("items.type", contains("created", "assigned", "sla-breached"))
                .body("items[2].by", equalTo("system"));
    }

    @Test
    void checksRunningAtOnceOnSeveralReplicasReportEachBreachExactlyOnce() throws Exception {
        scheduler.pause(JOB);
        try {
            List<String> leads = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = assignedLead("rep-" + i);
                makeOverdue(id);
                leads.add(id);
            }
            int checks = 4;
            CyclicBarrier start = new CyclicBarrier(checks);
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < checks; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    arrive(start);
                    return monitor.reportDue(Instant.now());
                }));
            }

            int reported = 0;
            for (CompletableFuture<Integer> run : runs) {
                reported += run.get();
            }
            assertEquals(0, monitor.reportDue(Instant.now()), "nothing is left to report");
            for (String id : leads) {
                assertEquals(1, outboxEvents(id, LeadSlaBreached.TYPE), "breach events of " + id);
            }
            assertTrue(reported >= leads.size(), "these leads and possibly older overdue ones: " + reported);
        } finally {
            scheduler.resume(JOB);
        }
    }

    @Test
    void answeringAfterTheDeadlineMissesTheSla() {
        String id = assignedLead("sam");
        makeOverdue(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxEvents(id, LeadSlaBreached.TYPE) == 1);

        as(SALES, "sam").when().post("/api/leads/" + id + "/accept")
                .then().statusCode(200).body("withinSla", equalTo(false));
        JsonNode accepted = awaitEvent(id, LeadAccepted.TYPE);
        assertEquals(false, accepted.get("withinSla").asBoolean());
    }

    @Test
    void anAnsweredLeadIsNeverReportedEvenPastItsDeadline() {
        String id = assignedLead("sam");
        as(SALES, "sam").when().post("/api/leads/" + id + "/accept").then().statusCode(200);
        makeOverdue(id);

        monitor.reportDue(Instant.now());

        assertEquals(0, outboxEvents(id, LeadSlaBreached.TYPE));
    }

    @Test
    void aReassignmentKeepsTheDeadlineAndTheBreachOfItsSlaCycle() {
        String id = assignedLead("sam");
        Instant due = makeOverdue(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxEvents(id, LeadSlaBreached.TYPE) == 1);

        as(MARKETING, "mia").body("{\"ownerId\":\"kim\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200).body("ownerId", equalTo("kim")).body("slaBreachedAt", notNullValue())
                .body("slaDueAt", equalTo(due.toString()));
        as(MARKETING, "mia").body("{\"ownerId\":\"sam\"}").when().post("/api/leads/" + id + "/assign")
                .then().statusCode(200).body("slaDueAt", equalTo(due.toString()));
        monitor.reportDue(Instant.now());

        assertEquals(1, outboxEvents(id, LeadSlaBreached.TYPE));
        as(SALES, "sam").when().post("/api/leads/" + id + "/accept")
                .then().statusCode(200).body("withinSla", equalTo(false));
    }

    /** Moves the deadline of the lead's assignment one second into the past; returns the new deadline. */
    private static Instant makeOverdue(String id) {
        Instant due = Instant.now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int updated = inTransaction(em -> em.createNativeQuery("update lead set sla_due_at = :due where id = :id")
                .setParameter("due", due).setParameter("id", UUID.fromString(id)).executeUpdate());
        assertEquals(1, updated);
        return due;
    }

    private static void arrive(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
