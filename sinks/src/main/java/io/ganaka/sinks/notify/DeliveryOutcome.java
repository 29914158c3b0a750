package io.ganaka.sinks.notify;

import java.time.Duration;

/**
 * What one delivery attempt came to: {@link Sent}, {@link Retry} (a transient failure: the server is down, busy or
 * slow, so the same notification may succeed later), {@link Failed} (a permanent one: retrying cannot help, e.g. a
 * refused recipient) or {@link Skipped} (not attempted, and never will be: the recipient no longer exists).
 */
public sealed interface DeliveryOutcome {

    DeliveryOutcome SENT = new Sent();

    record Sent() implements DeliveryOutcome {}

    /** @param after how long the server asked to be left alone ({@code Retry-After}), or null */
    record Retry(String error, Duration after) implements DeliveryOutcome {
        public Retry(String error) {
            this(error, null);
        }
    }

    record Failed(String error) implements DeliveryOutcome {}

    record Skipped(String reason) implements DeliveryOutcome {}

    static DeliveryOutcome retry(String error) {
        return new Retry(error);
    }

    static DeliveryOutcome failed(String error) {
        return new Failed(error);
    }
}
