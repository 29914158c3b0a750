package io.ganaka.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganaka.schemas.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-model load: requests arrive at a fixed rate whatever the answers (each timed from when it was due, so a
 * slow server cannot hide behind a slow client), spread over the users; a share are reads, the rest new expenses.
 * Each user's socket reports its expenses' first push; afterwards Postgres is asked for every accepted id.
 */
final class LoadBench {

    /** Beyond this many unanswered requests the bench stops sending and counts the arrivals it skipped. */
    private static final int MAX_IN_FLIGHT = 4_000;

    private final BenchOptions options;
    private final HttpClient http;
    private final RunStats stats = new RunStats();
    private final Tracker tracker = new Tracker(stats.endToEnd());
    private final AtomicInteger inFlight = new AtomicInteger();

    LoadBench(BenchOptions options, HttpClient http) {
        this.options = options;
        this.http = http;
    }

    void run() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        BenchUsers accounts = new BenchUsers(options.url(), http, options.databaseUrl());
        System.out.printf("bench %s: signing in %d users%n", run, options.users());
        List<BenchUsers.User> users = accounts.create(run, options.users());
        List<LiveSocket> sockets = new ArrayList<>();
        for (BenchUsers.User user : users) {
            sockets.add(LiveSocket.open(http, options.socketUrl(), user.accessToken(),
                    id -> tracker.seen(id, System.nanoTime())).get(30, TimeUnit.SECONDS));
        }
        for (LiveSocket socket : sockets) {
            socket.snapshot().await(30, TimeUnit.SECONDS);
        }
        System.out.printf("bench %s: %d sockets open; %d requests/s for %d s, %.0f%% reads%n", run, sockets.size(),
                options.rate(), options.durationSeconds(), options.readShare() * 100);

        Progress progress = Progress.start(stats, tracker, inFlight);
        long start = System.nanoTime();
        drive(users, start);
        long sendingEnded = System.nanoTime();
        awaitQuiet();
        progress.stop();
        double seconds = (sendingEnded - start) / 1e9;

        Delivery delivery = checkPostgres(users);
        sockets.forEach(LiveSocket::close);
        long closedEarly = sockets.stream().filter(s -> s.closed() && s.closeCode() != 1000).count();
        Report.load(System.out, options, seconds, stats, delivery, closedEarly);
        accounts.erase(users);
    }

    /** Issues every arrival when it is due, until the duration has passed. */
    private void drive(List<BenchUsers.User> users, long start) {
        long total = (long) options.rate() * options.durationSeconds();
        double nanosPerArrival = 1e9 / options.rate();
        for (long n = 0; n < total; n++) {
            long due = start + (long) (n * nanosPerArrival);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                stats.skipped().increment();
                continue;
            }
            BenchUsers.User user = users.get((int) (n % users.size()));
            boolean read = ThreadLocalRandom.current().nextDouble() < options.readShare();
            send(read ? readRequest(user, n) : writeRequest(user, n), due);
        }
    }

    private Route.Call writeRequest(BenchUsers.User user, long n) {
        String body = "{\"amount\":\"" + (1 + n % 9000) / 100.0 + "\",\"currency\":\"EUR\",\"description\":\"bench "
                + n + "\",\"occurredAt\":\"" + Instant.now() + "\"}";
        return new Route.Call(Route.POST_EXPENSES, authorized(user, "/expenses")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Route.Call readRequest(BenchUsers.User user, long n) {
        return n % 2 == 0
                ? new Route.Call(Route.GET_DASHBOARD, authorized(user, "/dashboard").GET().build())
                : new Route.Call(Route.GET_EXPENSES, authorized(user, "/expenses?limit=20").GET().build());
    }

    private HttpRequest.Builder authorized(BenchUsers.User user, String path) {
        return HttpRequest.newBuilder(URI.create(options.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + user.accessToken());
    }

    private void send(Route.Call call, long due) {
        inFlight.incrementAndGet();
        stats.sent().increment();
        http.sendAsync(call.request(), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
            inFlight.decrementAndGet();
            stats.route(call.route()).recordSince(due);
            if (error != null) {
                stats.error(call.route(), error.getClass().getSimpleName());
            } else if (answer.statusCode() / 100 != 2) {
                stats.error(call.route(), String.valueOf(answer.statusCode()));
            } else if (call.route() == Route.POST_EXPENSES) {
                tracker.accepted(idOf(answer.body()), due);
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

    /** Waits for the answers still out and the pushes still due, until nothing moved for ten seconds. */
    private void awaitQuiet() throws InterruptedException {
        long lastChange = System.nanoTime();
        long last = -1;
        while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(10)) {
            long now = tracker.pushed() + stats.sent().sum() - inFlight.get();
            if (inFlight.get() == 0 && tracker.pushed() == tracker.accepted()) {
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    /**
     * Counts every accepted id in {@code expenses}, and the rows of the bench's users that it never accepted. The
     * socket's pushes come from the dashboard cache, which may run ahead of the expenses sink: the count is taken
     * again, for up to {@value #PROJECTION_WAIT_SECONDS} s, while ids are still missing.
     */
    private Delivery checkPostgres(List<BenchUsers.User> users) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROJECTION_WAIT_SECONDS);
        Delivery delivery = countInPostgres(users);
        while (delivery.missingInPostgres() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            delivery = countInPostgres(users);
        }
        return delivery;
    }

    private static final int PROJECTION_WAIT_SECONDS = 20;

    private Delivery countInPostgres(List<BenchUsers.User> users) throws Exception {
        Set<String> accepted = tracker.acceptedIds();
        long found = 0;
        long duplicates = 0;
        long unexpected = 0;
        try (Connection c = BenchUsers.dataSource(options.databaseUrl()).getConnection();
             PreparedStatement rows = c.prepareStatement(
                     "SELECT id::text, count(*) FROM expenses WHERE user_id = ANY(?) GROUP BY id")) {
            rows.setArray(1, c.createArrayOf("uuid", users.stream().map(BenchUsers.User::id).toArray()));
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    if (!accepted.contains(rs.getString(1))) {
                        unexpected++;
                    } else {
                        found++;
                    }
                    duplicates += rs.getLong(2) > 1 ? 1 : 0;
                }
            }
        }
        return new Delivery(accepted.size(), found, tracker.pushed(), duplicates, unexpected);
    }
}
