package io.ganaka.api.events;

import io.ganaka.schemas.Event;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes an event and waits for the JetStream ack, for services whose change counts only once its event is
 * durable; every failure to get the ack in time becomes a {@link PublishUnavailableException} (503).
 */
public final class Publishing {

    private Publishing() {
    }

    /**
     * Publishes like {@link #awaitDurable} and then, for a positive {@code wait}, waits up to {@code wait} for
     * {@code sink} to report the event projected ({@code Prefer: wait}). The expectation is registered before the
     * publish, so that a sink faster than this thread is not missed.
     *
     * @throws PublishUnavailableException when the event is not stored, not acked in time, or the wait interrupted
     */
    public static Published awaitProjected(EventPublisher publisher, ProjectionWaiter projections, Event event,
                                           Duration publishTimeout, String sink, Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return new Published(awaitDurable(publisher, event, publishTimeout), false);
        }
        try (ProjectionWaiter.Expectation expectation = projections.expect(sink, event.id())) {
            PublishReceipt receipt = awaitDurable(publisher, event, publishTimeout);
            return new Published(receipt, expectation.await(wait));
        }
    }

    /** @throws PublishUnavailableException when the event is not stored, not acked in time, or the wait interrupted */
    public static PublishReceipt awaitDurable(EventPublisher publisher, Event event, Duration timeout) {
        return awaitDurable(publisher.publish(event), event.id(), timeout);
    }

    /** Waits for the ack of an event already handed to the publisher; fails like {@link #awaitDurable}. */
    public static PublishReceipt awaitDurable(CompletableFuture<PublishReceipt> ack, String eventId, Duration timeout) {
        try {
            return ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PublishUnavailableException unavailable) {
                throw unavailable;
            }
            throw new PublishUnavailableException("event " + eventId + " not stored: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishUnavailableException("event " + eventId + " not acked within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishUnavailableException("interrupted while waiting for the ack of " + eventId, e);
        }
    }
}
