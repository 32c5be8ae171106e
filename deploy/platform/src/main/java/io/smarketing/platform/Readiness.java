package io.smarketing.platform;

/** When a started component counts as ready. */
public sealed interface Readiness {

    /** It accepts a JDBC connection (the start itself waits for it). */
    record AcceptsConnections() implements Readiness {
    }

    /** This line appears in its log. */
    record LogLine(String text) implements Readiness {
    }

    /** An HTTP GET of this path on its port answers 200. */
    record HttpOk(String path) implements Readiness {
    }
}
