package io.ganaka.api.errors;

import java.time.Duration;

/** The caller went over a rate limit (sign-in failures, registrations); answered 429 with {@code Retry-After}. */
public final class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String limitName, Duration retryAfter) {
        super("rate limit " + limitName + " reached; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
