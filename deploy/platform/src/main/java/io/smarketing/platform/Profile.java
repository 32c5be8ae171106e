package io.smarketing.platform;

/**
 * Which platform of the machine: the one people use, or one of those that {@code ./smarketing test},
 * {@code ./smarketing bench} and {@code ./smarketing images test} start beside it. Each has its own state folder
 * and its ports shifted by an offset, so all can run at once.
 */
public enum Profile {

    /** {@code ./smarketing up}: ports as {@link Platform} says, each movable by its environment variable. */
    LOCAL(".smarketing", 0),
    /** {@code ./smarketing test}: 18081-18084, PostgreSQL 25432, Kafka 29092; fresh every run. */
    TEST(".smarketing/test", 10_000),
    /** {@code ./smarketing bench}: 28081-28084, PostgreSQL 35432, Kafka 39092; fresh every run. */
    BENCH(".smarketing/bench", 20_000),
    /**
     * {@code ./smarketing images test}: PostgreSQL 20432 and Kafka 24092 on the host, the four services as containers
     * on 13081-13084; fresh every run. Below the kernel's ephemeral range (32768 and up): four services starting at
     * once open many client connections, and one of them may be given a service's port as its own.
     */
    IMAGES(".smarketing/containers/stage", 5_000);

    private final String home;
    private final int portOffset;

    Profile(String home, int portOffset) {
        this.home = home;
        this.portOffset = portOffset;
    }

    /** The state folder, relative to the repository. */
    public String home() {
        return home;
    }

    public int portOffset() {
        return portOffset;
    }
}
