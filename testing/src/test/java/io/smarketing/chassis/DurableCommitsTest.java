package io.smarketing.chassis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smarketing.testing.RealInfrastructure;

/** A commit that was answered, published or acknowledged to Kafka survives a crash of PostgreSQL. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DurableCommitsTest {

    @Inject
    ProbeDatabase database;

    @Test
    void theServicesSessionsCommitSynchronously() {
        assertEquals("on", database.setting("synchronous_commit"));
        assertEquals("client", database.settingSource("synchronous_commit"),
                "the services ask for it at connect, whatever the server's default");
        assertEquals("on", database.setting("fsync"));
    }

    @Test
    void theTestServerItselfCommitsSynchronously() {
        assertEquals("on", database.serverDefault("synchronous_commit"), "the embedded default commits asynchronously");
    }
}
