package io.ganaka.api.events;

import io.ganaka.schemas.Event;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes many events asynchronously with at most {@code size} awaiting their ack, in the order given (one NATS
 * connection keeps that order). The publisher itself refuses publishes beyond its own buffer, so a bulk job that
 * stayed under a small window never crowds out other requests. Not thread-safe: one window per job.
 */
public final class PublishWindow {

    private record Pending(String eventId, CompletableFuture<PublishReceipt> ack) {}

    private final EventPublisher publisher;
    private final int size;
    private final Duration timeout;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private long published;

    public PublishWindow(EventPublisher publisher, int size, Duration timeout) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
        this.publisher = publisher;
        this.size = size;
        this.timeout = timeout;
    }

    /**
     * Hands the event to the publisher, first waiting for the oldest ack when the window is full.
     *
     * @throws PublishUnavailableException when an earlier event of this window was not stored in time
     */
    public void publish(Event event) {
        if (pending.size() >= size) {
            awaitOldest();
        }
        pending.addLast(new Pending(event.id(), publisher.publish(event)));
        published++;
    }

    /**
     * Waits until every event published through this window is durable.
     *
     * @return how many events this window published in all
     * @throws PublishUnavailableException when one of them was not stored in time
     */
    public long awaitAll() {
        while (!pending.isEmpty()) {
            awaitOldest();
        }
        return published;
    }

    private void awaitOldest() {
        Pending oldest = pending.removeFirst();
        Publishing.awaitDurable(oldest.ack(), oldest.eventId(), timeout);
    }
}
