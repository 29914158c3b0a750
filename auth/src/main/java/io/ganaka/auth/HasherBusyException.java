package io.ganaka.auth;

/** Thrown instead of queueing when every password-hashing slot stays busy: the caller should retry shortly. */
public final class HasherBusyException extends RuntimeException {

    public HasherBusyException(String message) {
        super(message);
    }
}
