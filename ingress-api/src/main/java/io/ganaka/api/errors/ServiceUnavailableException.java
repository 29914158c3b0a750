package io.ganaka.api.errors;

import java.time.Duration;

/**
 * A dependency the request needs cannot take it right now (NATS down, publish ack late, hashing slots full);
 * answered 503 with {@code Retry-After}. The message is for logs only.
 */
public class ServiceUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public ServiceUnavailableException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
