package io.ganaka.api.health;

import io.ganaka.api.events.EventPublisher;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Asks each dependency whether it answers, all at once and each within a deadline, so that a hanging dependency
 * makes {@code /ready} say "down" instead of hanging itself.
 */
public final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private final DataSource db;
    private final UnifiedJedis redis;
    private final EventPublisher publisher;
    private final ExecutorService executor;
    private final Map<String, ReadinessCheck> more;

    public Readiness(DataSource db, UnifiedJedis redis, EventPublisher publisher, ExecutorService executor) {
        this(db, redis, publisher, executor, Map.of());
    }

    /** Checks {@code more} too, each under its name, after Postgres, Redis and NATS. */
    public Readiness(DataSource db, UnifiedJedis redis, EventPublisher publisher, ExecutorService executor,
                     Map<String, ReadinessCheck> more) {
        this.more = Map.copyOf(more);
        this.db = db;
        this.redis = redis;
        this.publisher = publisher;
        this.executor = executor;
    }

    /** Each dependency's state, "up" or "down", in a stable order. */
    public Map<String, String> check() {
        Map<String, Future<Boolean>> pending = new LinkedHashMap<>();
        pending.put("postgres", submit(postgres()));
        pending.put("redis", submit(() -> "PONG".equalsIgnoreCase(redis.ping())));
        pending.put("nats", submit(publisher::isConnected));
        new TreeMap<>(more).forEach((name, check) -> pending.put(name, submit(check::answers)));
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Map<String, String> states = new LinkedHashMap<>();
        pending.forEach((name, future) -> states.put(name, await(name, future, deadline) ? "up" : "down"));
        return states;
    }

    /** Runs a check on the bounded executor; when its threads are all busy with hung checks, the check counts down. */
    private Future<Boolean> submit(Callable<Boolean> check) {
        try {
            return executor.submit(check);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Callable<Boolean> postgres() {
        return () -> {
            try (Connection c = db.getConnection()) {
                return c.isValid((int) DEADLINE.toSeconds());
            }
        };
    }

    private static boolean await(String name, Future<Boolean> future, long deadlineNanos) {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // Timeout or the check's own failure (refused connection, auth error): the dependency is not ready.
            future.cancel(true);
            LOG.debug("readiness check {} failed: {}", name, e.toString());
            return false;
        }
    }
}
