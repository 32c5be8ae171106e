package io.smarketing.goals.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.smarketing.chassis.problem.ProblemException;
import io.smarketing.goals.config.GoalsConfig;

/**
 * The live view streams each user holds open on this instance, at most {@code goals.stream-max-per-user}: a
 * page that reconnects in a loop, or a script, cannot hold the instance's connections and view computations.
 */
@ApplicationScoped
public class OpenStreams {

    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final int maxPerUser;

    OpenStreams(GoalsConfig config) {
        this.maxPerUser = config.streamMaxPerUser();
    }

    /**
     * Counts one more stream for the user, or refuses it (429) when they hold as many as they may.
     *
     * @return what to run when the stream ends, however it ends; running it again does nothing
     */
    public Runnable open(String user) {
        boolean[] counted = { false };
        open.compute(user, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                return count;
            }
            counted[0] = true;
            return current + 1;
        });
        if (!counted[0]) {
            throw ProblemException.tooMany(user + " already has " + maxPerUser
                    + " live view streams open; close one (another tab) first");
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                open.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
            }
        };
    }

    /** Streams open for the user now, on this instance. */
    public int of(String user) {
        return open.getOrDefault(user, 0);
    }
}
