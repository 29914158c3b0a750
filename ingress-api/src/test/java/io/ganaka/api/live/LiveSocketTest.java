package io.ganaka.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveSocketTest {

    @Test
    void theSnapshotGoesOutFirstEvenWhenPushesWereQueuedBeforeIt() {
        FakeSession client = new FakeSession(true);
        LiveSocket socket = new LiveSocket("u", client.session(), 8, Instant.MAX, Instant.now());

        socket.offer("push-1");
        socket.start("snapshot");
        client.completeOne();

        assertThat(client.sent).containsExactly("snapshot", "push-1");
    }

    @Test
    void oneMessageIsInFlightAtATimeAndTheRestWaitInOrder() {
        FakeSession client = new FakeSession(true);
        LiveSocket socket = new LiveSocket("u", client.session(), 8, Instant.MAX, Instant.now());
        socket.start("snapshot");
        socket.offer("a");
        socket.offer("b");
        assertThat(client.sent).containsExactly("snapshot");

        client.completeOne();
        client.completeOne();

        assertThat(client.sent).containsExactly("snapshot", "a", "b");
    }

    @Test
    void aClientThatLetsTheQueueFillUpIsClosedWithTryAgainLater() {
        FakeSession client = new FakeSession(true);
        LiveSocket socket = new LiveSocket("u", client.session(), 3, Instant.MAX, Instant.now());
        socket.start("snapshot"); // in flight, never acknowledged

        assertThat(socket.offer("1")).isTrue();
        assertThat(socket.offer("2")).isTrue();
        assertThat(socket.offer("3")).isTrue();
        assertThat(socket.offer("4")).isFalse();

        assertThat(client.closedWith).isEqualTo(LiveSocket.TRY_AGAIN_LATER);
        assertThat(socket.offer("5")).isFalse();
        assertThat(client.sent).containsExactly("snapshot");
    }
}
