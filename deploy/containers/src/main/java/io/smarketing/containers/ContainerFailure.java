package io.smarketing.containers;

/** Something about the images or containers that a person must look at; the message says what and where. */
public final class ContainerFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContainerFailure(String message) {
        super(message);
    }
}
