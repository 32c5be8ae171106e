package io.smarketing.local;

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

    String detail() {
        return detail;
    }

    int exitCode() {
        return exitCode;
    }
}
