package io.ganaka.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

class LiveSocketTest {

    /** A session whose sends complete only when the test says so, like a client that reads slowly. */
    private static final class SlowSession {
        final List<String> sent = new ArrayList<>();
        final List<Callback> pending = new ArrayList<>();
        Integer closedWith;

        Session session() {
            return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "sendText" -> {
                            sent.add((String) args[0]);
                            pending.add((Callback) args[1]);
                            yield null;
                        }
                        case "close" -> {
                            closedWith = args == null ? 1000 : (Integer) args[0];
                            yield null;
                        }
                        case "isOpen" -> closedWith == null;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    });
        }

        void completeOne() {
            pending.remove(0).succeed();
        }
    }

    @Test
    void theSnapshotGoesOutFirstEvenWhenPushesWereQueuedBeforeIt() {
        SlowSession client = new SlowSession();
        LiveSocket socket = new LiveSocket("u", client.session(), 8, Instant.MAX);

        socket.offer("push-1");
        socket.start("snapshot");
        client.completeOne();

        assertThat(client.sent).containsExactly("snapshot", "push-1");
    }

    @Test
    void oneMessageIsInFlightAtATimeAndTheRestWaitInOrder() {
        SlowSession client = new SlowSession();
        LiveSocket socket = new LiveSocket("u", client.session(), 8, Instant.MAX);
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
        SlowSession client = new SlowSession();
        LiveSocket socket = new LiveSocket("u", client.session(), 3, Instant.MAX);
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
