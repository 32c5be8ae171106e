package io.smarketing.local;

import java.io.PrintStream;

/** A failure the launcher explains to the person who ran it: printed as {@code smarketing: <message>}, no stack trace. */
final class LauncherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Printed before the message, e.g. the last lines of a component's log. */
    private final String detail;
    private final int exitCode;

    LauncherException(String message) {
        this(message, "", 1);
    }

    LauncherException(String message, String detail) {
        this(message, detail, 1);
    }

    LauncherException(String message, String detail, int exitCode) {
        super(message);
        this.detail = detail;
        this.exitCode = exitCode;
    }

    /** What a person sees: the detail (a log's tail), then {@code smarketing: <message>}. */
    void report(PrintStream err) {
        if (!detail.isEmpty()) {
            err.println(detail);
        }
        err.println("smarketing: " + getMessage());
    }

    String detail() {
        return detail;
    }

    int exitCode() {
        return exitCode;
    }
}
