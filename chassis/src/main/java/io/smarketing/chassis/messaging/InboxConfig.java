package io.smarketing.chassis.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer waits out a transient failure before it tries an event again. */
@ConfigMapping(prefix = "smarketing.inbox")
public interface InboxConfig {

    /** The pause after the first failed attempt; it doubles with every further failure. */
    @WithDefault("100ms")
    Duration retryInitialBackoff();

    /** The longest pause between two attempts, however long the failure lasts. */
    @WithDefault("5s")
    Duration retryMaxBackoff();
}
