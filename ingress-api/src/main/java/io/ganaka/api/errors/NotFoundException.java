package io.ganaka.api.errors;

/** Nothing of the caller's is at this address. Also used for other users' resources, so as to reveal nothing. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
