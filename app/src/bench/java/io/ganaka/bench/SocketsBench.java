package io.ganaka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds many dashboard sockets (five per user, the server's limit) and, while they are open, adds expenses at a
 * modest rate: every socket of the expense's user must receive it, and the time from request to each socket's first
 * push is recorded.
 */
final class SocketsBench {

    /** Upgrades in progress at once: enough to open ten thousand sockets in well under a minute. */
    private static final int OPENING_AT_ONCE = 200;

    private final BenchOptions options;
    private final HttpClient http;
    private final Latency connect = new Latency();
    private final Latency delivery = new Latency();
    private final LongAdder refused = new LongAdder();
    private final LongAdder writeErrors = new LongAdder();

    SocketsBench(BenchOptions options, HttpClient http) {
        this.options = options;
        this.http = http;
    }

    /** One user's open sockets, each with its own tracker of which expenses reached it. */
    private record Held(BenchUsers.User user, List<LiveSocket> sockets, List<Tracker> trackers) {}

    void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        BenchUsers accounts = new BenchUsers(options.url(), http, options.databaseUrl());
        System.out.printf("bench %s: signing in %d users for %d sockets%n", run, options.socketUsers(),
                options.connections());
        List<BenchUsers.User> users = accounts.create(run, options.socketUsers());
        List<Held> held = open(users);
        long open = held.stream().mapToLong(h -> h.sockets().size()).sum();
        System.out.printf("bench %s: %,d sockets open (%,d refused); %d expenses/s for %d s%n", run, open,
                refused.sum(), options.rate(), options.durationSeconds());

        long start = System.nanoTime();
        long total = (long) options.rate() * options.durationSeconds();
        long lastPrint = start;
        for (long n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / options.rate());
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            write(held.get((int) (n % held.size())), n, due);
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                printProgress(held, start);
            }
        }
        awaitDeliveries(held);
        long stillOpen = held.stream().flatMap(h -> h.sockets().stream()).filter(s -> !s.closed()).count();
        held.forEach(h -> h.sockets().forEach(LiveSocket::close));
        report(held, open, stillOpen);
        accounts.erase(users);
    }

    private List<Held> open(List<BenchUsers.User> users) throws InterruptedException {
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        List<Held> held = new ArrayList<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        int remaining = options.connections();
        for (BenchUsers.User user : users) {
            Held h = new Held(user, java.util.Collections.synchronizedList(new ArrayList<>()),
                    java.util.Collections.synchronizedList(new ArrayList<>()));
            held.add(h);
            for (int i = 0; i < BenchOptions.SOCKETS_PER_USER && remaining > 0; i++, remaining--) {
                opening.acquire();
                Tracker tracker = new Tracker(delivery);
                long started = System.nanoTime();
                all.add(LiveSocket.open(http, options.socketUrl(), user.accessToken(),
                                id -> tracker.seen(id, System.nanoTime()))
                        .thenAccept(socket -> {
                            try {
                                if (socket.snapshot().await(30, TimeUnit.SECONDS)) {
                                    connect.recordSince(started);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            h.sockets().add(socket);
                            h.trackers().add(tracker);
                        })
                        .whenComplete((ok, error) -> {
                            opening.release();
                            if (error != null) {
                                refused.increment();
                            }
                        }));
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return held;
    }

    private void write(Held held, long n, long due) {
        String body = "{\"amount\":\"4.20\",\"currency\":\"EUR\",\"description\":\"bench socket " + n
                + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/expenses"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + held.user().accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
            if (error != null || answer.statusCode() / 100 != 2) {
                writeErrors.increment();
                return;
            }
            String id = idOf(answer.body());
            synchronized (held.trackers()) {
                held.trackers().forEach(t -> t.accepted(id, due));
            }
        });
    }

    private static String idOf(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node.path("id").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static long expected(List<Held> held) {
        return held.stream().flatMap(h -> h.trackers().stream()).mapToLong(Tracker::accepted).sum();
    }

    private static long delivered(List<Held> held) {
        return held.stream().flatMap(h -> h.trackers().stream()).mapToLong(Tracker::pushed).sum();
    }

    private void printProgress(List<Held> held, long start) {
        long open = held.stream().flatMap(h -> h.sockets().stream()).filter(s -> !s.closed()).count();
        System.out.printf("  %4ds  sockets open %,d  deliveries %,d of %,d  write errors %,d%n",
                (System.nanoTime() - start) / 1_000_000_000L, open, delivered(held), expected(held),
                writeErrors.sum());
    }

    /** Waits until every expected delivery arrived, or nothing arrived for ten seconds. */
    private static void awaitDeliveries(List<Held> held) throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(10)) {
            long delivered = delivered(held);
            if (delivered == expected(held)) {
                return;
            }
            if (delivered != last) {
                last = delivered;
                lastChange = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private void report(List<Held> held, long open, long stillOpen) {
        System.out.printf(Locale.ROOT, "%nsockets: %,d asked, %,d opened, %,d still open at the end%n",
                options.connections(), open, stillOpen);
        System.out.println(new Table("", "count")
                .row("refused or failed upgrades", refused.sum())
                .row("deliveries expected (expense x socket of its user)", expected(held))
                .row("deliveries seen", delivered(held))
                .row("write errors", writeErrors.sum())
                .render());
        Table latency = new Table("latency ms", "count", "p50", "p95", "p99", "max");
        Report.add(latency, "open -> snapshot", connect.percentiles());
        Report.add(latency, "request -> push on each socket", delivery.percentiles());
        System.out.println(latency.render());
    }
}
