package io.ganaka.api.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.api.events.EventPublisher;
import io.ganaka.api.events.PublishReceipt;
import io.ganaka.api.events.PublishUnavailableException;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload.UserLoggedIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BoundedPublishesTest {

    /** A publisher whose acks the test completes by hand. */
    private static final class ManualPublisher implements EventPublisher {
        final List<CompletableFuture<PublishReceipt>> pending = new ArrayList<>();

        @Override
        public synchronized CompletableFuture<PublishReceipt> publish(Event event) {
            CompletableFuture<PublishReceipt> ack = new CompletableFuture<>();
            pending.add(ack);
            return ack;
        }

        synchronized int published() {
            return pending.size();
        }

        synchronized void ackAll() {
            pending.forEach(f -> f.complete(new PublishReceipt("e", "s", 1, false)));
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    private static Event event() {
        return Event.create("u1", "test", new UserLoggedIn("password"));
    }

    @Test
    void neverHasMoreThanTheBoundInFlight() {
        ManualPublisher publisher = new ManualPublisher();
        BoundedPublishes publishes = new BoundedPublishes(publisher, 2, Duration.ofMillis(100));
        publishes.submit(event());
        publishes.submit(event());

        // Two acks outstanding: a third publish finds no slot, waits for one until the timeout, and publishes nothing.
        assertThatThrownBy(() -> publishes.submit(event())).isInstanceOf(PublishUnavailableException.class);
        assertThat(publisher.published()).isEqualTo(2);

        publisher.ackAll();
        publishes.submit(event());
        assertThat(publisher.published()).isEqualTo(3);
        publisher.ackAll();
        publishes.awaitAll();
    }

    @Test
    void aFailedPublishIsReportedAsUnavailable() {
        EventPublisher failing = new EventPublisher() {
            @Override
            public CompletableFuture<PublishReceipt> publish(Event event) {
                return CompletableFuture.failedFuture(new CompletionException(
                        new PublishUnavailableException("NATS is DISCONNECTED")));
            }

            @Override
            public boolean isConnected() {
                return false;
            }
        };
        BoundedPublishes publishes = new BoundedPublishes(failing, 4, Duration.ofSeconds(30));
        publishes.submit(event());

        assertThatThrownBy(publishes::awaitAll).isInstanceOf(PublishUnavailableException.class)
                .hasMessageContaining("DISCONNECTED");
        assertThatThrownBy(() -> publishes.submit(event())).isInstanceOf(PublishUnavailableException.class);
    }

    @Test
    void anAckThatNeverComesEndsTheWaitAtTheTimeout() {
        BoundedPublishes publishes = new BoundedPublishes(new ManualPublisher(), 1, Duration.ofMillis(50));
        publishes.submit(event());

        assertThatThrownBy(publishes::awaitAll).isInstanceOf(PublishUnavailableException.class);
    }
}
