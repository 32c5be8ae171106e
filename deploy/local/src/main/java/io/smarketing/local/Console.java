package io.smarketing.local;

import java.io.PrintStream;
import java.time.Duration;

/** What the launcher prints: a step ({@code -> ...}), a heading ({@code ==> ...}), tool output indented. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    void step(String text) {
        out.println("-> " + text);
    }

    void heading(String text) {
        out.println();
        out.println("==> " + text);
    }

    /** Output of a tool, under the step that ran it. */
    void indented(String text) {
        text.lines().forEach(line -> out.println("   " + line));
    }

    /** 12345 ms → {@code 12.3 s}. */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis / 1000) + "." + (millis % 1000) / 100 + " s";
    }

    static String since(long startedNanos) {
        return seconds(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
