package io.ganaka.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.CategoryDeleted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PublishWindowTest {

    /** Hands out futures that the test completes, to watch how many the window leaves open. */
    private static final class ManualPublisher implements EventPublisher {
        final List<Event> published = new ArrayList<>();
        final List<CompletableFuture<PublishReceipt>> acks = new ArrayList<>();
        boolean ackAtOnce;

        @Override
        public CompletableFuture<PublishReceipt> publish(Event event) {
            published.add(event);
            CompletableFuture<PublishReceipt> ack = new CompletableFuture<>();
            if (ackAtOnce) {
                ack.complete(new PublishReceipt(event.id(), "S", published.size(), false));
            }
            acks.add(ack);
            return ack;
        }

        long open() {
            return acks.stream().filter(a -> !a.isDone()).count();
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    private static Event event(int i) {
        return Event.create("0190a000-0000-7000-8000-000000000001", null, new CategoryDeleted("c" + i));
    }

    @Test
    void publishesInOrderAndWaitsForEveryAck() {
        ManualPublisher publisher = new ManualPublisher();
        publisher.ackAtOnce = true;
        PublishWindow window = new PublishWindow(publisher, 3, Duration.ofSeconds(1));
        List<Event> events = List.of(event(1), event(2), event(3), event(4), event(5));

        events.forEach(window::publish);

        assertThat(window.awaitAll()).isEqualTo(5);
        assertThat(publisher.published).containsExactlyElementsOf(events);
    }

    @Test
    void neverHasMoreThanItsSizeAwaitingAnAck() {
        ManualPublisher publisher = new ManualPublisher();
        PublishWindow window = new PublishWindow(publisher, 2, Duration.ofMillis(50));
        window.publish(event(1));
        window.publish(event(2));
        assertThat(publisher.open()).isEqualTo(2);

        // The window is full and the oldest ack never comes: the third publish fails instead of piling up.
        assertThatThrownBy(() -> window.publish(event(3))).isInstanceOf(PublishUnavailableException.class);
        assertThat(publisher.published).hasSize(2);
    }

    @Test
    void aFailedAckFailsTheWindowAs503() {
        ManualPublisher publisher = new ManualPublisher();
        PublishWindow window = new PublishWindow(publisher, 4, Duration.ofSeconds(1));
        window.publish(event(1));
        publisher.acks.get(0).completeExceptionally(new PublishUnavailableException("NATS is DISCONNECTED"));

        assertThatThrownBy(window::awaitAll).isInstanceOf(PublishUnavailableException.class)
                .hasMessageContaining("DISCONNECTED");
    }
}
