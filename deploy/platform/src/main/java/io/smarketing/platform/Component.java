package io.smarketing.platform;

import java.util.List;
import java.util.Objects;

/**
 * One process of the platform.
 *
 * @param name what the launcher, its logs and pid files call it, e.g. {@code kafka}, {@code leads-service}
 * @param title how a person reads it in messages, e.g. {@code Kafka}
 * @param defaultPort the port of the local platform ({@link Profile#LOCAL}); other profiles shift it
 * @param portVariable the environment variable that moves it on the local platform
 * @param ports how many consecutive ports from its port it listens on (Kafka: broker, then controller)
 * @param dependsOn the components that must be ready before it starts
 * @param start how it is started
 * @param readiness when it counts as ready
 */
public record Component(String name, String title, int defaultPort, String portVariable, int ports,
        List<String> dependsOn, Start start, Readiness readiness) {

    public Component {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(portVariable, "portVariable");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(readiness, "readiness");
        dependsOn = List.copyOf(dependsOn);
        if (ports < 1) {
            throw new IllegalArgumentException(name + " listens on at least one port");
        }
    }
}
