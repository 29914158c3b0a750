package io.ganaka.api.rules;

import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishReceipt;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.schemas.Event;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asynchronous publishes with at most {@code maxInFlight} awaiting their ack, so that a long batch neither waits for
 * each ack in turn nor floods the shared publisher. The first failure is kept and reported by {@link #awaitAll()}.
 */
final class BoundedPublishes {

    private final EventPublisher publisher;
    private final int maxInFlight;
    private final Semaphore slots;
    private final Duration timeout;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BoundedPublishes(EventPublisher publisher, int maxInFlight, Duration timeout) {
        this.publisher = publisher;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
        this.timeout = timeout;
    }

    /**
     * Starts publishing once a slot is free.
     *
     * @throws PublishUnavailableException when an earlier publish failed or no slot frees up within the timeout
     */
    void submit(Event event) {
        throwIfFailed();
        acquire(1);
        CompletableFuture<PublishReceipt> ack;
        try {
            ack = publisher.publish(event);
        } catch (RuntimeException e) {
            // Publishers report failures through the future; one that throws instead must not leak the slot.
            slots.release();
            throw e;
        }
        ack.whenComplete((receipt, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            slots.release();
        });
    }

    /** Waits until every publish has its ack. @throws PublishUnavailableException when any of them failed */
    void awaitAll() {
        acquire(maxInFlight);
        slots.release(maxInFlight);
        throwIfFailed();
    }

    private void acquire(int permits) {
        try {
            if (!slots.tryAcquire(permits, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PublishUnavailableException("no publish ack within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishUnavailableException("interrupted while publishing", e);
        }
    }

    private void throwIfFailed() {
        Throwable error = failure.get();
        if (error != null) {
            Throwable cause = error.getCause() instanceof PublishUnavailableException ? error.getCause() : error;
            throw cause instanceof PublishUnavailableException unavailable ? unavailable
                    : new PublishUnavailableException("publish failed: " + cause, cause);
        }
    }
}
