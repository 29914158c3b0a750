package io.ganaka.api.events;

import io.ganaka.api.errors.ServiceUnavailableException;
import java.time.Duration;

/** The event could not be made durable (broker unreachable, ack late, too many publishes in flight). */
public final class PublishUnavailableException extends ServiceUnavailableException {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public PublishUnavailableException(String message, Throwable cause) {
        super(message, RETRY_AFTER, cause);
    }

    public PublishUnavailableException(String message) {
        this(message, null);
    }
}
