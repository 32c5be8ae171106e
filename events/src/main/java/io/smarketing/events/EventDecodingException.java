package io.smarketing.events;

/**
 * A record value that cannot be turned into its event: not JSON, the wrong shape, or a required
 * field missing. Retrying cannot help, so consumers dead-letter the record and keep going.
 */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
