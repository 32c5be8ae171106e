package io.smarketing.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One process for {@link Supervisor}: its name (pid file, log), how a person reads it, the ports it must find free,
 * its command and environment, and when it is ready.
 */
record Launch(String name, String title, List<Integer> ports, List<String> command, Map<String, String> environment,
        BooleanSupplier ready, boolean awaitWhenRunning, Duration timeout) {

    Launch {
        ports = List.copyOf(ports);
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
