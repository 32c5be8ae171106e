package io.smarketing.chassis.rebuild;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smarketing.chassis.messaging.Inbox;

/**
 * Rebuilds the service's projections from the log, as a process of its own: the service's jar (or image) started
 * with the Quarkus profile {@code rebuild} and a run name ({@code smarketing.rebuild.run}).
 * <ol>
 * <li>Flyway cleans and migrates the schema {@code smarketing.rebuild.schema}, which this process's connections
 * use; the service's own consumer, in a consumer group of this run ({@code <service>.rebuild.<run>}), replays
 * every record of its topics from offset 0 into it, through the same inbox and projection code as the live
 * service. The live service goes on serving and projecting into its own tables meanwhile. Until the group is
 * {@code switch-lag} records behind, the replay is a {@link BulkReplay}: no secondary indexes, no derived tables;
 * then both are built from the replayed rows at once, and the rest is applied as the live service applies it.</li>
 * <li>Once the group is {@code switch-lag} records behind the end of the topics, {@link ProjectionSwitch} holds the
 * live consumers back (their next batch waits at its first write), notes where the topics end now, and waits
 * until the rebuild has applied everything up to there: whatever the live consumers applied is then in the
 * rebuilt tables too (checked: every id of the live inbox is in the rebuilt one). It moves the live tables aside
 * and the rebuilt ones into their place and commits. The live consumers go on from their own positions into the
 * rebuilt tables: what they hold already, their inbox skips; what came after, they apply. Nothing is applied
 * twice or missed, and the live consumer group's offsets need no change.</li>
 * <li>The process exits: 0 when switched, 1 when it could not.</li>
 * </ol>
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** Deadlock detected, lock not available: the switch is tried again. */
    private static final List<String> LOCK_CONFLICTS = List.of("40P01", "55P03");

    private final RebuildConfig config;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final KafkaClientService kafkaClients;
    private final Event<ProjectionsSwitched> switched;
    private final Config mpConfig;
    private final BulkReplay bulkReplay;

    ProjectionRebuild(RebuildConfig config, AgroalDataSource dataSource,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, KafkaClientService kafkaClients,
            Event<ProjectionsSwitched> switched, Config mpConfig, BulkReplay bulkReplay) {
        this.config = config;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.kafkaClients = kafkaClients;
        this.switched = switched;
        this.mpConfig = mpConfig;
        this.bulkReplay = bulkReplay;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        Thread thread = new Thread(this::runAndExit, "projection-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    private void runAndExit() {
        int code = 1;
        try {
            rebuild();
            code = 0;
        } catch (RebuildFailed failed) {
            LOG.errorf("Rebuild failed: %s", failed.getMessage());
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "Rebuild failed");
        }
        Quarkus.asyncExit(code);
    }

    private void rebuild() throws SQLException {
        String service = mpConfig.getValue("quarkus.application.name", String.class);
        List<String> tables = config.tables().orElseThrow(() -> new RebuildFailed(service
                + " declares no projection tables (smarketing.rebuild.tables): it cannot be rebuilt from its topics"));
        for (String name : names(tables)) {
            if (!NAME.matcher(name).matches()) {
                throw new RebuildFailed("not a plain table or schema name: " + name);
            }
        }
        List<String> topics = List.of(mpConfig.getValue("mp.messaging.incoming." + Inbox.CHANNEL + ".topics", String.class)
                .split("\\s*,\\s*"));
        String group = mpConfig.getOptionalValue("mp.messaging.incoming." + Inbox.CHANNEL + ".group.id", String.class)
                .orElseGet(() -> mpConfig.getValue("mp.messaging.connector.smallrye-kafka.group.id", String.class));
        long begun = System.nanoTime();
        try (Admin admin = Admin.create(adminConfig(service))) {
            RebuildOffsets offsets = new RebuildOffsets(admin, topics, group);
            offsets.beginnings().forEach((partition, offset) -> {
                if (offset > 0) {
                    throw new RebuildFailed(partition + " begins at offset " + offset + ": records were deleted, so the "
                            + "log no longer holds the whole history (event topics keep every record: retention.ms -1)");
                }
            });
            LOG.infof("Rebuilding %s of %s from %d records of %s (consumer group %s, schema %s)", tables, service,
                    RebuildOffsets.total(offsets.ends()), topics, group, config.schema());
            List<String> written = new ArrayList<>(tables);
            written.add(ProjectionSwitch.INBOX_TABLE);
            bulkReplay.begin(written);
            awaitBehind(offsets, config.switchLag(), begun);
            InboxCheck inboxCheck = inboxCheckedAheadWhile(bulkReplay::end);
            for (int attempt = 1;; attempt++) {
                awaitBehind(offsets, config.switchLag(), begun);
                Switched done = trySwitch(offsets, tables, inboxCheck);
                if (done != null) {
                    long records = RebuildOffsets.total(done.ends());
                    double seconds = (System.nanoTime() - begun) / 1e9;
                    LOG.infof("Rebuild switched over: %s now read and write the rebuilt %s; %d records replayed in %.1f s "
                            + "(%.0f records/s), the live consumers held back for %d ms; the replaced tables are kept in "
                            + "schema %s until the next rebuild", service, done.relations(), records, seconds,
                            records / seconds, done.heldMillis(), config.replacedSchema());
                    switched.fire(new ProjectionsSwitched(config.liveSchema(), done.relations()));
                    return;
                }
                LOG.infof("Switch attempt %d abandoned, nothing changed; catching up again", attempt);
            }
        }
    }

    private record Switched(List<String> relations, Map<TopicPartition, Long> ends, long heldMillis) {
    }

    /** One attempt; null when it must be tried again (a lock or the rebuild did not come in time). */
    private Switched trySwitch(RebuildOffsets offsets, List<String> tables, InboxCheck inboxCheck) throws SQLException {
        try (ProjectionSwitch projectionSwitch = new ProjectionSwitch(dataSource.getConnection(), config, tables)) {
            long held = System.nanoTime();
            try {
                projectionSwitch.holdLiveConsumers(config.switchTimeout().toMillis());
            } catch (SQLException e) {
                LOG.warnf("The live tables could not be locked in %s: %s", config.switchTimeout(), e.getMessage());
                return null;
            }
            // Nothing is applied to the live tables from now on, and nothing that was applied lies past these ends.
            Map<TopicPartition, Long> ends = offsets.ends();
            long deadline = held + config.switchTimeout().toNanos();
            while (RebuildOffsets.behind(ends, offsets.committed()) > 0) {
                if (System.nanoTime() > deadline) {
                    LOG.warnf("The rebuild did not reach the end of the topics within %s", config.switchTimeout());
                    return null;
                }
                pause(POLL);
            }
            long caughtUp = System.nanoTime();
            pauseConsumer();
            List<String> problems = projectionSwitch.problems(inboxCheck);
            long checked = System.nanoTime();
            if (!problems.isEmpty()) {
                throw new RebuildFailed("the rebuilt tables cannot replace the live ones: " + String.join("; ", problems));
            }
            List<String> views = projectionSwitch.views();
            try {
                projectionSwitch.swap(views);
                projectionSwitch.commit();
            } catch (SQLException e) {
                if (!LOCK_CONFLICTS.contains(e.getSQLState())) {
                    throw e;
                }
                // A reader queued behind the moves and holding a table the next move needs: PostgreSQL ended one.
                LOG.warnf("The switch met a lock conflict (%s)", e.getMessage());
                resumeConsumer();
                return null;
            }
            long heldMillis = (System.nanoTime() - held) / 1_000_000;
            LOG.infof("Switch: the rebuild reached the ends of the topics %d ms after the live consumers were held, "
                    + "the rebuilt tables were checked in %d ms and moved in %d ms", (caughtUp - held) / 1_000_000,
                    (checked - caughtUp) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
            List<String> relations = new ArrayList<>(projectionSwitch.tables());
            relations.addAll(views);
            try {
                projectionSwitch.dropRebuildSchema();
            } catch (SQLException e) {
                LOG.warnf("Could not drop what is left of schema %s: %s", config.schema(), e.getMessage());
            }
            return new Switched(relations, ends, heldMillis);
        }
    }

    /**
     * The inbox check's first step, on a connection of its own beside the end of the bulk phase: it only reads
     * the inboxes, and it takes as long as the slowest of the end's statements.
     */
    private InboxCheck inboxCheckedAheadWhile(SqlWork beside) throws SQLException {
        long begun = System.nanoTime();
        CompletableFuture<InboxCheck> ahead = CompletableFuture.supplyAsync(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return InboxCheck.ahead(connection, config.liveSchema(), config.schema());
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
        beside.run();
        try {
            InboxCheck checked = ahead.join();
            LOG.infof("Inbox checked ahead of the switch in %d ms: %d events the live service applied are to be "
                    + "checked again at the switch", (System.nanoTime() - begun) / 1_000_000, checked.unconfirmed());
            return checked;
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Waits until the rebuild's group is at most {@code lag} records behind the end of the topics. */
    private void awaitBehind(RebuildOffsets offsets, long lag, long begun) {
        long lastReport = 0;
        while (true) {
            Map<TopicPartition, Long> ends = offsets.ends();
            long behind = RebuildOffsets.behind(ends, offsets.committed());
            if (behind <= lag) {
                return;
            }
            if (System.nanoTime() - lastReport > PROGRESS_EVERY.toNanos()) {
                long total = RebuildOffsets.total(ends);
                double seconds = (System.nanoTime() - begun) / 1e9;
                LOG.infof("Replayed %d of %d records (%.0f s)", total - behind, total, seconds);
                lastReport = System.nanoTime();
            }
            pause(POLL);
        }
    }

    /** The rebuild's consumers take no more records: the tables they write are about to become the live ones. */
    /**
     * All at once: each consumer pauses on its polling thread, after the poll at hand, so one after the other
     * would hold the live consumers back for a poll timeout per consumer.
     */
    private void pauseConsumer() {
        try {
            onEveryConsumer(KafkaConsumer::pause);
        } catch (RuntimeException e) {
            LOG.debugf("Could not pause the rebuild's consumers: %s", e.getMessage());
        }
    }

    private void resumeConsumer() {
        onEveryConsumer(KafkaConsumer::resume);
    }

    private void onEveryConsumer(Function<KafkaConsumer<Object, Object>, Uni<?>> action) {
        List<Uni<Void>> actions = consumers().stream().map(consumer -> action.apply(consumer).replaceWithVoid()).toList();
        if (!actions.isEmpty()) {
            Uni.join().all(actions).andFailFast().await().atMost(Duration.ofSeconds(10));
        }
    }

    /** The consumers of the inbox's channel and of its copies ({@code events$1}, … with {@code concurrency}). */
    private List<KafkaConsumer<Object, Object>> consumers() {
        return kafkaClients.getConsumerChannels().stream()
                .filter(channel -> channel.equals(Inbox.CHANNEL) || channel.startsWith(Inbox.CHANNEL + "$"))
                .flatMap(channel -> kafkaClients.<Object, Object>getConsumers(channel).stream()).toList();
    }

    private List<String> names(List<String> tables) {
        List<String> names = new ArrayList<>(tables);
        names.addAll(List.of(config.schema(), config.liveSchema(), config.replacedSchema()));
        return names;
    }

    private Map<String, Object> adminConfig(String service) {
        Map<String, Object> admin = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-rebuild");
        return admin;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailed("interrupted");
        }
    }

    /** A rebuild that cannot go on, with the reason an operator needs. */
    static final class RebuildFailed extends RuntimeException {
        RebuildFailed(String message) {
            super(message);
        }
    }
}
