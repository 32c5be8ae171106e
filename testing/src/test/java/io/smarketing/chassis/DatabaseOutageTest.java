package io.smarketing.chassis;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.chassis.messaging.TransientFailures;
import io.smarketing.testing.RealInfrastructure;
import io.smarketing.testing.Tokens;

/**
 * While PostgreSQL is down, or every pooled connection is taken, a client hears 503 with Retry-After, never 500,
 * and readiness says DOWN.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DatabaseOutageTest {

    @Inject
    AgroalDataSource pool;

    /** As while PostgreSQL restarts under load: connections hang, the pool fills, acquisitions time out. */
    @Test
    void aRequestThatFindsEveryConnectionTakenIsAnswered503() throws SQLException {
        List<Connection> taken = new ArrayList<>();
        try {
            SQLException poolFull = null;
            while (poolFull == null) {
                try {
                    taken.add(pool.getConnection());
                } catch (SQLException e) {
                    poolFull = e;
                }
            }
            assertTrue(TransientFailures.isTransient(poolFull), "the pool's own timeout passes: " + poolFull);
            OutboxRelayTest.createNote(false, 503);
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
            // Leave the pool as small as it was: idle connections beyond what the app uses would outlive a database
            // restart in a later test unnoticed, and fail the first statement of whoever takes them afterwards.
            pool.flush(AgroalDataSource.FlushMode.ALL);
        }
        OutboxRelayTest.createNote(false, 201);
    }

    @Test
    void requestsAreAnswered503WithRetryAfterAndReadinessIsDownUntilTheDatabaseIsBack() {
        RealInfrastructure.Database postgres = RealInfrastructure.database();
        postgres.stop();
        try {
            OutboxRelayTest.createNote(false, 503);
            given().header("Authorization", Tokens.bearer("sales", "sam"))
                    .when().get("/api/probe/notes/" + UUID.randomUUID())
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("status", equalTo(503)).body("type", equalTo("urn:smarketing:problem:unavailable"));
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        OutboxRelayTest.createNote(false, 201);
    }
}
