package io.smarketing.chassis.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the outbox relay; the defaults suit one service on one broker. */
@ConfigMapping(prefix = "smarketing.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay at all (any number of replicas may; one publishes at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for rows when no commit woke it: rows left by a crash or a broker outage. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How many rows one publishing round sends before it marks them. */
    @WithDefault("500")
    int batchSize();

    /** How long a round waits for the broker to acknowledge before it gives up and retries later. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Pause after a failed round, so a broker outage does not become a busy loop. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How long published rows stay for inspection before the relay deletes them. */
    @WithDefault("P7D")
    Duration retention();
}
