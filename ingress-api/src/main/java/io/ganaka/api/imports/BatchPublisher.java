package io.ganaka.api.imports;

import io.ganaka.api.events.EventPublisher;
import io.ganaka.schemas.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes an import's batch asynchronously with at most {@code maxInFlight} publishes awaiting their ack, and
 * publishes again what failed, with back-off: the events keep their ids, so a repeat that did reach JetStream is
 * dropped there as a duplicate. Returns only when every event of the batch is durable.
 */
final class BatchPublisher {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final EventPublisher publisher;
    private final int maxInFlight;
    private final int attempts;
    private final Duration ackTimeout;

    BatchPublisher(EventPublisher publisher, int maxInFlight, int attempts, Duration ackTimeout) {
        this.publisher = publisher;
        this.maxInFlight = maxInFlight;
        this.attempts = attempts;
        this.ackTimeout = ackTimeout;
    }

    /** @throws ImportFailedException when some events are still not durable after the last attempt */
    void publishAll(List<Event> events) throws ImportFailedException, InterruptedException {
        List<Event> pending = events;
        Duration backoff = FIRST_BACKOFF;
        Throwable lastFailure = null;
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(pending.size());
            Semaphore inFlight = new Semaphore(maxInFlight);
            for (Event event : pending) {
                inFlight.acquire();
                acks.add(publisher.publish(event).whenComplete((receipt, failure) -> inFlight.release()));
            }
            List<Event> failed = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    acks.get(i).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    failed.add(pending.get(i));
                    lastFailure = e instanceof ExecutionException ? e.getCause() : e;
                }
            }
            pending = failed;
        }
        if (!pending.isEmpty()) {
            throw new ImportFailedException("the event store did not store " + pending.size() + " expenses after "
                    + attempts + " attempts; upload the file again later (rows already imported will be reported"
                    + " as duplicates)", lastFailure);
        }
    }
}
