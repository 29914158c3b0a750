package io.ganaka.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishReceipt;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.ExpenseDeleted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Publishing a batch: bounded in flight, failed events published again under the same ids, failure after the last try. */
class BatchPublisherTest {

    @Test
    void eventsThatFailedArePublishedAgainWithTheSameIds() throws Exception {
        FlakyPublisher broker = new FlakyPublisher(2);
        List<Event> batch = List.of(event(), event(), event(), event(), event(), event());

        new BatchPublisher(broker, 2, 3, Duration.ofSeconds(5)).publishAll(batch);

        assertThat(broker.stored).containsExactlyInAnyOrderElementsOf(batch.stream().map(Event::id).toList());
        assertThat(broker.attempts).hasSize(8);
        assertThat(broker.attempts.subList(6, 8)).containsExactlyElementsOf(broker.attempts.subList(0, 2));
        assertThat(broker.maxInFlight.get()).isBetween(1, 2);
    }

    @Test
    void aBatchStillNotDurableAfterTheLastAttemptFailsTheImport() {
        FlakyPublisher broker = new FlakyPublisher(Integer.MAX_VALUE);

        assertThatThrownBy(() -> new BatchPublisher(broker, 4, 2, Duration.ofSeconds(5))
                .publishAll(List.of(event())))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageStartingWith("the event store did not store 1 expenses after 2 attempts");
    }

    private static Event event() {
        return Event.create(UUID.randomUUID().toString(), "test",
                new ExpenseDeleted(UUID.randomUUID().toString(), 2));
    }

    /** Refuses the first {@code failures} publishes, then stores; records every attempt and the most in flight. */
    private static final class FlakyPublisher implements EventPublisher {

        private final int failures;
        private final List<String> attempts = new ArrayList<>();
        private final List<String> stored = new ArrayList<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        FlakyPublisher(int failures) {
            this.failures = failures;
        }

        /** Acks (or refuses) a few milliseconds later, as a broker would, so that publishes overlap. */
        @Override
        public synchronized CompletableFuture<PublishReceipt> publish(Event event) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            attempts.add(event.id());
            boolean fail = attempts.size() <= failures;
            if (!fail) {
                stored.add(event.id());
            }
            return CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                if (fail) {
                    throw new PublishUnavailableException("down");
                }
                return new PublishReceipt(event.id(), "S", 1, false);
            }, CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }
}
