package io.ganaka.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard sockets of this API instance: one NATS subscription per user with open sockets, whose messages fan out
 * to that user's sockets here, unsubscribed when the last one closes; bounded per user and in all. A heartbeat sends
 * every socket {@code {"type":"ping"}} each ping interval and closes those that sent nothing back (no pong, nor
 * anything else) for {@link LiveSettings#idleTimeout()}, and those whose credentials expired. (Protocol-level pings are
 * not used: their pongs never reach the application, and the pings themselves keep Jetty's idle timer from firing.)
 */
public final class LiveHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    private static final String PING = "{\"type\":\"ping\"}";

    private final Naming naming;
    private final LiveSettings settings;
    private final Clock clock;
    private final Dispatcher dispatcher;
    private final Connection nats;
    private final Map<String, Set<LiveSocket>> sockets = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new HashMap<>();
    private final ScheduledExecutorService heartbeat;
    private int open;

    public LiveHub(LiveFeed feed, Naming naming, Clock clock) {
        this.naming = naming;
        this.settings = feed.settings();
        this.clock = clock;
        this.nats = feed.nats();
        this.dispatcher = nats == null ? null : nats.createDispatcher();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ganaka-live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.pingInterval().toMillis();
        heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
    }

    /** The NATS connection live messages come from, or null when this server has none. */
    public Connection nats() {
        return nats;
    }

    public LiveSettings settings() {
        return settings;
    }

    /** Whether one more socket of this user would be within the limits (checked before the upgrade). */
    public synchronized boolean admits(String userId) {
        return open < settings.maxSockets()
                && sockets.getOrDefault(userId, Set.of()).size() < settings.maxSocketsPerUser();
    }

    /** Adds a socket, subscribing to its user's live subject if it is the user's first; false when over a limit. */
    synchronized boolean register(LiveSocket socket) {
        if (!admits(socket.userId())) {
            return false;
        }
        Set<LiveSocket> mine = sockets.computeIfAbsent(socket.userId(), u -> new LinkedHashSet<>());
        if (mine.isEmpty() && dispatcher != null) {
            String user = socket.userId();
            subscriptions.put(user, dispatcher.subscribe(naming.liveSubject(user), message -> deliver(user, message)));
        }
        mine.add(socket);
        open++;
        return true;
    }

    synchronized void unregister(LiveSocket socket) {
        Set<LiveSocket> mine = sockets.get(socket.userId());
        if (mine == null || !mine.remove(socket)) {
            return;
        }
        open--;
        if (mine.isEmpty()) {
            sockets.remove(socket.userId());
            Subscription subscription = subscriptions.remove(socket.userId());
            if (subscription != null && dispatcher != null) {
                dispatcher.unsubscribe(subscription);
            }
        }
    }

    /** Open sockets on this instance, for metrics and tests. */
    public synchronized int openSockets() {
        return open;
    }

    /** Users with a live subscription on this instance, for tests. */
    public synchronized int subscribedUsers() {
        return subscriptions.size();
    }

    /** Waits until the server has taken every subscription change made so far (for tests that publish right after). */
    public void flush() throws Exception {
        if (nats != null) {
            nats.flush(java.time.Duration.ofSeconds(5));
        }
    }

    private void deliver(String userId, Message message) {
        String text = new String(message.getData(), StandardCharsets.UTF_8);
        if (!belongsTo(text, userId)) {
            LOG.warn("dropped a live message on {} that is not that user's", message.getSubject());
            return;
        }
        for (LiveSocket socket : socketsOf(userId)) {
            socket.offer(text);
        }
    }

    /** Only a well-formed live message of this very user goes out on the user's sockets. */
    private static boolean belongsTo(String text, String userId) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node != null && node.path("type").isTextual() && userId.equals(node.path("userId").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized List<LiveSocket> socketsOf(String userId) {
        return new ArrayList<>(sockets.getOrDefault(userId, Set.of()));
    }

    private void beat() {
        List<LiveSocket> all;
        synchronized (this) {
            all = sockets.values().stream().flatMap(Set::stream).toList();
        }
        Instant now = clock.instant();
        for (LiveSocket socket : all) {
            try {
                if (!now.isBefore(socket.expiresAt())) {
                    socket.close(LiveSocket.POLICY_VIOLATION, "credentials expired: reconnect with a fresh token");
                } else if (socket.lastHeard().plus(settings.idleTimeout()).isBefore(now)) {
                    socket.close(LiveSocket.GOING_AWAY, "no answer to the heartbeat");
                } else {
                    socket.offer(PING);
                }
            } catch (RuntimeException e) {
                // One broken socket must not stop the heartbeat of the others; Jetty closes it.
                LOG.debug("heartbeat failed for a socket of {}: {}", socket.userId(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (dispatcher != null && nats != null) {
            nats.closeDispatcher(dispatcher);
        }
    }
}
