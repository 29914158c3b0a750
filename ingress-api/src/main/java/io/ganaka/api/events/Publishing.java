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
