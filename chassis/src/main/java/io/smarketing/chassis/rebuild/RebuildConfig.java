package io.smarketing.chassis.rebuild;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * A rebuild of the service's projections from the topics it consumes (the Quarkus profile {@code rebuild}: see
 * {@link ProjectionRebuild}).
 */
@ConfigMapping(prefix = "smarketing.rebuild")
public interface RebuildConfig {

    /** Whether this process is a rebuild rather than the live service (set by the profile {@code rebuild}). */
    @WithDefault("false")
    boolean enabled();

    /**
     * The service's projection tables: everything its consumer writes and nothing else, so a replay of its
     * topics recreates them whole. The inbox's {@code processed_event} goes with them; views over them are
     * found and moved along. A service that declares none cannot be rebuilt.
     */
    Optional<List<String>> tables();

    /** Names this run; its consumer group is {@code <service>.rebuild.<run>}, so every run starts at offset 0. */
    Optional<String> run();

    /** The schema the rebuild projects into (cleaned and migrated by Flyway at its start). */
    @WithDefault("smarketing_rebuild")
    String schema();

    /** The schema the live service reads and writes. */
    @WithDefault("public")
    String liveSchema();

    /** Where the replaced tables are kept after the switch, until the next rebuild. */
    @WithDefault("smarketing_replaced")
    String replacedSchema();

    /** The switch starts once the rebuild is this few records behind the end of its topics (about one batch). */
    @WithDefault("500")
    long switchLag();

    /**
     * How long the live consumers may be held back while the rebuild applies the last records; past it the
     * switch is abandoned (nothing changes) and tried again. Below the live batches' transaction timeout (60 s).
     */
    @WithDefault("30s")
    Duration switchTimeout();
}
