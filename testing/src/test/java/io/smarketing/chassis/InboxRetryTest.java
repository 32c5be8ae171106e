package io.smarketing.chassis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.events.Channel;
import io.smarketing.events.LeadCreated;
import io.smarketing.events.LeadQualified;
import io.smarketing.events.LeadStage;
import io.smarketing.events.Topics;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.TopicProbe;

/**
 * The database connection of a consumer dies in the middle of an event, twice. The event must neither be
 * lost nor dead-lettered nor counted twice, and the events behind it must wait for it.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class InboxRetryTest {

    private static final String CONSUMER_WAITING = """
            select pid from pg_stat_activity
             where wait_event_type = 'Lock' and query like 'insert into probe_effect%'""";

    @Inject
    ProbeDatabase database;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void anEventWhoseDatabaseSessionIsKilledIsTriedAgainUntilItsEffectCommitsOnce() throws SQLException {
        UUID leadId = UUID.randomUUID();
        double retriesBefore = retries();
        try (Connection blocker = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                // pg_stat_activity is a snapshot per transaction: the observer looks outside the blocker's
                Connection observer = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // Inserts wait behind this lock, reads do not: the consumer stops inside its transaction.
                statement.execute("lock table probe_effect in share mode");
            }
            String created = TopicProbe.publish(new LeadCreated(leadId, null, LeadStage.NEW, leadId + "@retry.test",
                    "Rita", null, Channel.EMAIL, 5, "test", Instant.now()));
            String qualified = TopicProbe.publish(new LeadQualified(leadId, null, LeadStage.MQL, 70, "test",
                    Instant.now()));

            Set<Integer> killed = new HashSet<>();
            for (int kill = 0; kill < 2; kill++) {
                int session = await().atMost(Duration.ofSeconds(30)).until(() -> waitingConsumer(observer, killed),
                        pid -> pid != null);
                terminate(observer, session);
                killed.add(session);
            }
            assertEquals(0, database.processed(created), "the killed attempts left nothing behind");
            assertEquals(0, database.processed(qualified), "the lead's next event waits for the first");

            blocker.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> database.processed(qualified) == 1);
            assertEquals(1, database.effectsOfEvent(created));
            assertEquals(1, database.effectsOfEvent(qualified));
            assertEquals(2, database.effects(leadId));
        }
        assertTrue(retries() >= retriesBefore + 2, "each killed attempt was retried");
    }

    @Test
    void aDatabaseRestartDelaysEventsOnBothSidesButLosesNone() {
        UUID leadId = UUID.randomUUID();
        double retriesBefore = retries();
        RealInfrastructure.Database postgres = RealInfrastructure.database();
        postgres.stop();
        try {
            String created = TopicProbe.publish(new LeadCreated(leadId, null, LeadStage.NEW, leadId + "@outage.test",
                    "Otto", null, Channel.EMAIL, 5, "test", Instant.now()));
            // tried, failed on the dead server, and tried again: not dead-lettered, not given up
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);

            postgres.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> database.processed(created) == 1);
            assertEquals(1, database.effectsOfEvent(created));

            // the outbox relay lost its connection (and its advisory lock) too; it publishes again
            String note = OutboxRelayTest.createNote(false, 201);
            await().atMost(Duration.ofSeconds(60)).until(() -> database.publishedAt(note) != null);
            assertNotNull(TopicProbe.awaitRecord(Topics.LEADS, r -> note.equals(r.key())));
        } finally {
            postgres.start();
        }
    }

    /** The session of the consumer blocked on the lock, if it is one not killed yet. */
    private static Integer waitingConsumer(Connection connection, Set<Integer> killed) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(CONSUMER_WAITING)) {
            while (rows.next()) {
                if (!killed.contains(rows.getInt(1))) {
                    return rows.getInt(1);
                }
            }
            return null;
        }
    }

    private static void terminate(Connection connection, int session) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_terminate_backend(" + session + ")");
        }
    }

    private double retries() {
        return meters.find("smarketing.inbox.retries").counters().stream().mapToDouble(Counter::count).sum();
    }
}
