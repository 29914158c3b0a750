package io.ganaka.auth;

/** The token is malformed, forged, expired or meant for someone else. The message is for logs, not for clients. */
public final class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidTokenException(String message) {
        super(message);
    }
}
