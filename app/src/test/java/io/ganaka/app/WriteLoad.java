package io.ganaka.app;

import io.ganaka.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady write load on the API: {@code POST /expenses} at a fixed arrival rate, round-robin over some users, each
 * write with an {@code Idempotency-Key} and a description of its own ({@code <tag> <n>}) by which the ledger finds it
 * in {@code expenses}. It records every write attempted, every write acknowledged (2xx) and every status answered; a
 * write without an answer (timeout, connection refused or reset) is attempted, not acknowledged.
 */
final class WriteLoad implements AutoCloseable {

    /** A user of the load: id and access token. */
    record User(UUID id, String token) {}

    /** What one phase of load did. {@code statuses}: code (0: no answer) to count. */
    record Outcome(String tag, Set<String> attempted, Set<String> acknowledged, Map<Integer, Long> statuses,
                   long notSent) {}

    /** Every n-th write is high-value, so that alerts and e-mail notifications flow too. */
    static final int HIGH_VALUE_EVERY = 25;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    /** More writes than this waiting for answers and the next is not sent (counted in {@code notSent}). */
    private static final int MAX_IN_FLIGHT = 400;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "write-load-http");
                t.setDaemon(true);
                return t;
            })).build();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "write-load");
        t.setDaemon(true);
        return t;
    });
    private final URI expenses;
    private final int ratePerSecond;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private volatile List<User> users = List.of();
    private Phase phase;

    WriteLoad(int apiPort, int ratePerSecond) {
        this.expenses = URI.create("http://127.0.0.1:" + apiPort + "/expenses");
        this.ratePerSecond = ratePerSecond;
    }

    /** The users the next writes go to (fresh tokens before each phase: a long run outlives an access token). */
    void users(List<User> current) {
        this.users = List.copyOf(current);
    }

    List<User> users() {
        return users;
    }

    /** Starts writing at the fixed rate, each write described {@code tag <n>}. */
    synchronized void start(String tag) {
        if (phase != null) {
            throw new IllegalStateException("load already running: " + phase.tag);
        }
        phase = new Phase(tag);
        long periodMicros = 1_000_000L / ratePerSecond;
        phase.schedule = ticker.scheduleAtFixedRate(phase::sendNext, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** What the running phase has acknowledged so far. */
    Set<String> acknowledgedSoFar() {
        return Set.copyOf(phase.acknowledged);
    }

    /** The number of the last write sent (writes are numbered 1, 2, … in each phase). */
    long lastSent() {
        return phase.sequence.get();
    }

    /** The number of a write, from its description. */
    static long number(String description) {
        return Long.parseLong(description.substring(description.lastIndexOf(' ') + 1));
    }

    long attemptedSoFar() {
        return phase.attempted.size();
    }

    /** Stops sending, waits for every write still in flight to be answered or to time out, and returns the phase. */
    synchronized Outcome stop() throws InterruptedException {
        Phase stopping = phase;
        stopping.schedule.cancel(false);
        // Every write holds a permit until its answer or failure: all permits back means nothing in flight.
        if (!inFlight.tryAcquire(MAX_IN_FLIGHT, REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writes of " + stopping.tag + " still in flight after their timeout");
        }
        inFlight.release(MAX_IN_FLIGHT);
        phase = null;
        return new Outcome(stopping.tag, Set.copyOf(stopping.attempted), Set.copyOf(stopping.acknowledged),
                new TreeMap<>(Map.copyOf(stopping.statuses)), stopping.notSent.get());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private final class Phase {
        private final String tag;
        private final Set<String> attempted = ConcurrentHashMap.newKeySet();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        private final AtomicLong sequence = new AtomicLong();
        private final AtomicLong notSent = new AtomicLong();
        private ScheduledFuture<?> schedule;

        Phase(String tag) {
            this.tag = tag;
        }

        void sendNext() {
            long n = sequence.incrementAndGet();
            if (!inFlight.tryAcquire()) {
                notSent.incrementAndGet();
                return;
            }
            List<User> now = users;
            User user = now.get((int) (n % now.size()));
            String description = tag + " " + n;
            String amount = n % HIGH_VALUE_EVERY == 0 ? "1500.00" : (n % 97 + 1) + "." + (n % 100 < 10 ? "0" : "")
                    + n % 100;
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(expenses).timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of(
                                "amount", amount, "currency", "EUR", "description", description,
                                "occurredAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))))
                        .build();
            } catch (IOException e) {
                inFlight.release();
                throw new IllegalStateException(e);
            }
            attempted.add(description);
            CompletableFuture<HttpResponse<Void>> sent;
            try {
                sent = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            } catch (RuntimeException e) {
                statuses.merge(0, 1L, Long::sum);
                inFlight.release();
                return;
            }
            sent.whenComplete((response, failure) -> {
                int status = failure == null ? response.statusCode() : 0;
                if (status >= 200 && status < 300) {
                    acknowledged.add(description);
                }
                statuses.merge(status, 1L, Long::sum);
                inFlight.release();
            });
        }
    }

    /** The statuses of an outcome that the API must never answer: any 5xx but 503. */
    static List<Integer> forbiddenStatuses(Map<Integer, Long> statuses) {
        List<Integer> forbidden = new ArrayList<>();
        statuses.keySet().stream().filter(s -> s >= 500 && s != 503).forEach(forbidden::add);
        return forbidden;
    }
}
