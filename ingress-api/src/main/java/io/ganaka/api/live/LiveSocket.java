package io.ganaka.api.live;

import java.time.Instant;
import java.util.ArrayDeque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One open dashboard socket with its bounded send queue: one message in flight at a time, the rest waiting; a client
 * that lets {@code limit} messages pile up is closed (1013, try again later) rather than allowed to grow memory. The
 * snapshot goes first, whatever was queued while it was being read.
 */
final class LiveSocket {

    static final int GOING_AWAY = 1001;
    static final int TRY_AGAIN_LATER = 1013;
    static final int POLICY_VIOLATION = 1008;

    private final String userId;
    private final Session session;
    private final int limit;
    private final Instant expiresAt;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private boolean started;
    private boolean sending;
    private boolean closed;
    /** When the client last sent anything; a client that stops answering the heartbeat is closed. */
    private volatile Instant lastHeard;

    LiveSocket(String userId, Session session, int limit, Instant expiresAt, Instant openedAt) {
        this.userId = userId;
        this.session = session;
        this.limit = limit;
        this.expiresAt = expiresAt;
        this.lastHeard = openedAt;
    }

    /** The client sent a message (a pong, a ping, anything). */
    void heard(Instant at) {
        lastHeard = at;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    String userId() {
        return userId;
    }

    /** When the credentials it was opened with expire; the socket is closed then and the client reconnects. */
    Instant expiresAt() {
        return expiresAt;
    }

    Session session() {
        return session;
    }

    /** Sends the snapshot, then everything queued meanwhile. */
    synchronized void start(String snapshot) {
        queue.addFirst(snapshot);
        started = true;
        pump();
    }

    /** Queues a message; false when the socket is closed, or was just closed for being too slow. */
    synchronized boolean offer(String text) {
        if (closed) {
            return false;
        }
        if (queue.size() >= limit) {
            close(TRY_AGAIN_LATER, "too slow: reconnect for a fresh snapshot");
            return false;
        }
        queue.addLast(text);
        pump();
        return true;
    }

    synchronized void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        session.close(code, reason, Callback.NOOP);
    }

    private void pump() {
        if (!started || sending || closed || queue.isEmpty()) {
            return;
        }
        sending = true;
        session.sendText(queue.pollFirst(), Callback.from(this::sent, this::failed));
    }

    private synchronized void sent() {
        sending = false;
        pump();
    }

    private void failed(Throwable error) {
        synchronized (this) {
            sending = false;
            closed = true;
            queue.clear();
        }
        // The connection broke; Jetty closes the session and the close handler unregisters it.
    }
}
