package io.smarketing.chassis.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer waits out a transient failure, and how long a stopping one waits for its batch. */
@ConfigMapping(prefix = "smarketing.inbox")
public interface InboxConfig {

    /** The pause after the first failed attempt; it doubles with every further failure. */
    @WithDefault("100ms")
    Duration retryInitialBackoff();

    /** The longest pause between two attempts, however long the failure lasts. */
    @WithDefault("5s")
    Duration retryMaxBackoff();

    /**
     * How long a stopping service waits for the batch in flight to commit before its persistence layer closes;
     * past it the batch stays unacknowledged and is handed out again.
     */
    @WithDefault("10s")
    Duration shutdownGrace();

    /**
     * How long a processed event's id is kept to recognise it again. A record only comes again when its batch
     * was applied but not yet acknowledged (seconds), or by a dead-letter replay of another consumer's letter,
     * which the dead-letter topics keep for 30 days; the other 15 days cover a consumer that dead-letters an
     * event long after the others processed it (see {@code DedupeRetention}).
     */
    @WithDefault("P45D")
    Duration dedupeRetention();
}
