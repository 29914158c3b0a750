package io.ganaka.sinks.notify;

/**
 * What one delivery attempt came to: {@link Sent}, {@link Retry} (a transient failure: the server is down, busy or
 * slow, so the same notification may succeed later) or {@link Failed} (a permanent one: retrying cannot help, e.g. a
 * refused recipient).
 */
public sealed interface DeliveryOutcome {

    DeliveryOutcome SENT = new Sent();

    record Sent() implements DeliveryOutcome {}

    record Retry(String error) implements DeliveryOutcome {}

    record Failed(String error) implements DeliveryOutcome {}

    static DeliveryOutcome retry(String error) {
        return new Retry(error);
    }

    static DeliveryOutcome failed(String error) {
        return new Failed(error);
    }
}
