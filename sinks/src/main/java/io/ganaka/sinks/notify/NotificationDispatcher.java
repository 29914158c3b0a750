package io.ganaka.sinks.notify;

import io.ganaka.schemas.Correlation;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outbox worker of the sinks role: claims due notifications in small batches, delivers them through their
 * channels with bounded concurrency, and records each outcome in the row, which is the retry state (so a restart
 * loses nothing). E-mail and SMS due within the user's quiet hours wait for the end of them; a channel whose circuit
 * breaker is open is left alone and its rows stay pending. After each batch the final outcomes are announced as
 * {@code notification.sent} events.
 */
public final class NotificationDispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationStore store;
    private final Map<String, NotificationChannel> channels = new HashMap<>();
    /** One per {@link NotificationChannel#breakerKey}, made when first needed. */
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final CircuitBreakerConfig breakerConfig;
    private final NotificationStore.Announcer announcer;
    private final NotificationSettings.Dispatcher settings;
    private final Clock clock;
    private final NotificationOutcomes outcomes;
    private final ExecutorService workers;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    NotificationDispatcher(NotificationStore store, List<NotificationChannel> channels,
                           NotificationStore.Announcer announcer, NotificationSettings.Dispatcher settings,
                           Clock clock) {
        this(store, channels, announcer, settings, clock, NotificationOutcomes.NONE);
    }

    NotificationDispatcher(NotificationStore store, List<NotificationChannel> channels,
                           NotificationStore.Announcer announcer, NotificationSettings.Dispatcher settings,
                           Clock clock, NotificationOutcomes outcomes) {
        this.outcomes = outcomes;
        this.store = store;
        this.announcer = announcer;
        this.settings = settings;
        this.clock = clock;
        this.breakerConfig = CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
        for (NotificationChannel channel : channels) {
            this.channels.put(channel.name(), channel);
        }
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "ganaka-notify-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The circuit breaker of a breaker key (a channel's name, by default), for tests and metrics. */
    CircuitBreaker breaker(String key) {
        return breakers.computeIfAbsent(key, k -> CircuitBreaker.of("notify-" + k, breakerConfig));
    }

    @Override
    public void run() {
        try {
            while (!stopping()) {
                int claimed = 0;
                try {
                    claimed = dispatchOnce();
                    while (store.announce(settings.batchSize(), announcer) == settings.batchSize() && !stopping()) {
                        // more final outcomes waiting for their events
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.warn("notification dispatch failed; trying again in {} ms: {}",
                            settings.pollInterval().toMillis(), e.toString());
                }
                if (claimed < settings.batchSize()) {
                    await(settings.pollInterval());
                }
            }
        } finally {
            workers.shutdown();
            finished.countDown();
        }
    }

    /** Claims one batch of due notifications and handles each; returns how many were claimed. */
    int dispatchOnce() throws SQLException {
        Instant now = clock.instant();
        List<Notification> due = store.claim(now, settings.batchSize(), now.plus(settings.claimLease()));
        if (due.isEmpty()) {
            return 0;
        }
        Map<UUID, UserContact> users = store.users(due.stream().map(Notification::userId).toList());
        List<Future<?>> running = new ArrayList<>(due.size());
        for (Notification n : due) {
            running.add(workers.submit(() -> handleQuietly(n, users.get(n.userId()))));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.warn("notification worker failed: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return due.size();
    }

    @SuppressWarnings("try") // the scope is held for the MDC entries it sets, never referenced
    private void handleQuietly(Notification n, UserContact user) {
        // Every line about the notification names the event that asked for it (the intake's line adds the request).
        try (MDC.MDCCloseable source = MDC.putCloseable(Correlation.SOURCE_EVENT_MDC_KEY,
                String.valueOf(n.sourceEventId()))) {
            try {
                handle(n, user);
            } catch (SQLException | RuntimeException e) {
                // The row keeps its lease: it is due again when the lease ends.
                LOG.warn("notification {} ({}) could not be recorded: {}", n.id(), n.channel(), e.toString());
            }
        }
    }

    private void handle(Notification n, UserContact user) throws SQLException {
        if (user == null) {
            return; // the account is being erased, and its notifications with it
        }
        NotificationChannel channel = channels.get(n.channel());
        if (channel == null) {
            store.skipped(n, "no " + n.channel() + " channel is configured");
            outcomes.finished(n.channel(), NotificationOutcomes.Outcome.SKIPPED);
            return;
        }
        Instant now = clock.instant();
        if (channel.respectsQuietHours()) {
            Optional<Instant> quietEnd = user.preferences().quietHours().flatMap(q -> q.endIfQuiet(now));
            if (quietEnd.isPresent()) {
                store.defer(n, quietEnd.get());
                return;
            }
        }
        CircuitBreaker breaker = breaker(channel.breakerKey(n));
        if (!breaker.tryAcquirePermission()) {
            // Open: come back when the breaker lets a trial through. Half-open with its trial under way: come back
            // soon, since the trial decides within one delivery whether the channel is healthy again.
            Duration wait = breaker.getState() == CircuitBreaker.State.HALF_OPEN
                    ? settings.pollInterval() : settings.breakerOpenWait();
            store.defer(n, now.plus(wait));
            return;
        }
        long started = System.nanoTime();
        DeliveryOutcome outcome;
        try {
            outcome = channel.deliver(n);
        } catch (RuntimeException e) {
            outcome = DeliveryOutcome.retry("channel " + channel.name() + " failed: " + e);
        }
        long took = System.nanoTime() - started;
        if (outcome instanceof DeliveryOutcome.Skipped) {
            breaker.releasePermission(); // nothing was tried: says nothing about the target's health
        } else if (outcome instanceof DeliveryOutcome.Retry retry) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new DeliveryFailure(retry.error()));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS); // a permanent failure is the message's, not the channel's
        }
        record(n, AttemptResult.of(outcome, n.attempts(), settings.retries(), clock.instant(),
                ThreadLocalRandom.current().nextDouble()));
    }

    private void record(Notification n, AttemptResult result) throws SQLException {
        if (result instanceof AttemptResult.Sent sent) {
            store.sent(n, sent.attempts(), clock.instant());
            LOG.info("notification {} ({}) {} sent after {} attempt(s)", n.id(), n.channel(), n.kind(),
                    sent.attempts());
            outcomes.finished(n.channel(), NotificationOutcomes.Outcome.SENT);
        } else if (result instanceof AttemptResult.RetryAt retry) {
            LOG.info("notification {} ({}) attempt {} failed, next at {}: {}", n.id(), n.channel(), retry.attempts(),
                    retry.nextAttemptAt(), retry.error());
            store.retry(n, retry.attempts(), retry.nextAttemptAt(), retry.error());
        } else if (result instanceof AttemptResult.Failed failed) {
            LOG.warn("notification {} ({}) failed after {} attempts: {}", n.id(), n.channel(), failed.attempts(),
                    failed.error());
            store.failed(n, failed.attempts(), failed.error());
            outcomes.finished(n.channel(), NotificationOutcomes.Outcome.FAILED);
        } else if (result instanceof AttemptResult.Skipped skipped) {
            LOG.info("notification {} ({}) skipped: {}", n.id(), n.channel(), skipped.reason());
            store.skipped(n, skipped.reason());
            outcomes.finished(n.channel(), NotificationOutcomes.Outcome.SKIPPED);
        }
    }

    /** Asks the loop to end after the batch in hand; returns at once. */
    void requestStop() {
        stopSignal.countDown();
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void await(Duration wait) {
        try {
            stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopSignal.countDown();
        }
    }

    /** A retryable delivery failure as the circuit breaker records it. */
    private static final class DeliveryFailure extends Exception {
        DeliveryFailure(String message) {
            super(message, null, false, false);
        }
    }
}
