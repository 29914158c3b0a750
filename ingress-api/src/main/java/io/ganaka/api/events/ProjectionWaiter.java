package io.ganaka.api.events;

import io.ganaka.schemas.EventDecodingException;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.ProjectionReport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a write wait until a sink reports its event projected ({@code Prefer: wait}). A request {@link #expect}s its
 * event id before publishing, so a report arriving before the wait begins is not lost. At most {@code capacity}
 * requests wait at once (each holds an HTTP thread); beyond that an expectation does not wait at all.
 */
public final class ProjectionWaiter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWaiter.class);

    private final int capacity;
    private final AtomicInteger registered = new AtomicInteger();
    private final ConcurrentMap<Key, CompletableFuture<Void>> expected = new ConcurrentHashMap<>();
    private volatile Runnable unsubscribe = () -> { };

    private record Key(String sink, String eventId) {}

    /** A waiter fed through {@link #report}; {@code capacity} 0 never waits. */
    public ProjectionWaiter(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    /** For servers without reports: every expectation answers "not projected" at once. */
    public static ProjectionWaiter disabled() {
        return new ProjectionWaiter(0);
    }

    /** A waiter fed by one NATS dispatcher on {@link Naming#projectedSubject()}; closing it unsubscribes. */
    public static ProjectionWaiter subscribe(Connection nats, Naming naming, int capacity) {
        ProjectionWaiter waiter = new ProjectionWaiter(capacity);
        Dispatcher dispatcher = nats.createDispatcher(message -> waiter.received(message.getData()));
        dispatcher.subscribe(naming.projectedSubject());
        waiter.unsubscribe = () -> nats.closeDispatcher(dispatcher);
        return waiter;
    }

    /**
     * Registers interest in the sink projecting the event; call before publishing it and close the expectation when
     * done. Beyond capacity, or for an event already expected, the expectation does not wait.
     */
    public Expectation expect(String sink, String eventId) {
        if (registered.incrementAndGet() > capacity) {
            registered.decrementAndGet();
            return Expectation.NONE;
        }
        Key key = new Key(sink, eventId);
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (expected.putIfAbsent(key, future) != null) {
            registered.decrementAndGet();
            return Expectation.NONE;
        }
        return new Expectation(future, () -> {
            expected.remove(key, future);
            registered.decrementAndGet();
        });
    }

    /** Completes the expectations of the reported events; unknown ids (other requests, other servers) are ignored. */
    public void report(ProjectionReport report) {
        for (String id : report.ids()) {
            CompletableFuture<Void> future = expected.get(new Key(report.sink(), id));
            if (future != null) {
                future.complete(null);
            }
        }
    }

    /** How many requests are registered right now. */
    public int waiting() {
        return registered.get();
    }

    private void received(byte[] data) {
        try {
            report(ProjectionReport.decode(data));
        } catch (EventDecodingException e) {
            // Something else published on the subject; nobody waits for it.
            LOG.debug("ignoring a message on the projected subject: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
    }

    /** One request's interest in one event's projection. */
    public static final class Expectation implements AutoCloseable {

        static final Expectation NONE = new Expectation(null, () -> { });

        private final CompletableFuture<Void> projected;
        private final Runnable release;

        private Expectation(CompletableFuture<Void> projected, Runnable release) {
            this.projected = projected;
            this.release = release;
        }

        /** True once the event is reported projected, waiting up to {@code timeout}; false when not waiting at all. */
        public boolean await(Duration timeout) {
            if (projected == null) {
                return false;
            }
            try {
                projected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                // The server is stopping: answer as if the wait ran out.
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException("projection futures are never failed", e);
            }
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
