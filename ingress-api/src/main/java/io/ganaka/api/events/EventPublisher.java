package io.ganaka.api.events;

import io.ganaka.schemas.Event;
import java.util.concurrent.CompletableFuture;

/**
 * Makes an event durable on the event stream. The future completes once the broker has stored it, or fails with
 * {@link PublishUnavailableException} when it cannot be stored in time; it never completes before the ack.
 */
public interface EventPublisher {

    CompletableFuture<PublishReceipt> publish(Event event);

    /** True while the publisher can reach its broker; used by {@code /ready}. */
    boolean isConnected();
}
