package io.ganaka.api.live;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A WebSocket session for tests: records what is sent and how it was closed. Sends complete at once, or only when the
 * test says so ({@code slow}), like a client that reads slowly.
 */
final class FakeSession {

    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<Callback> pending = new CopyOnWriteArrayList<>();
    volatile Integer closedWith;
    private final boolean slow;

    FakeSession(boolean slow) {
        this.slow = slow;
    }

    Session session() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        if (slow) {
                            pending.add((Callback) args[1]);
                        } else {
                            ((Callback) args[1]).succeed();
                        }
                        yield null;
                    }
                    case "close" -> {
                        closedWith = args == null ? 1000 : (Integer) args[0];
                        yield null;
                    }
                    case "isOpen" -> closedWith == null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeSession";
                    default -> null;
                });
    }

    void completeOne() {
        pending.remove(0).succeed();
    }
}
