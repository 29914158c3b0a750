package io.ganaka.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The load mode: signs in the bench users and opens each one's dashboard socket, then runs {@link LoadSimulation} in
 * Gatling (open-model arrivals, one request per virtual user). Each socket reports its expenses' first push to the
 * {@link Tracker}; once answers and pushes have stopped coming, Postgres is asked for every accepted id.
 */
final class LoadBench {

    private final BenchOptions options;
    private final HttpClient http;
    private final RunStats stats = new RunStats();
    private final Tracker tracker = new Tracker(stats.endToEnd());

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
        System.out.printf("bench %s: %d sockets open; Gatling: %d users/s for %d s, %.0f%% reads%n", run,
                sockets.size(), options.rate(), options.durationSeconds(), options.readShare() * 100);

        LoadSimulation.prepare(new LoadRun(options, users, stats, tracker));
        Progress progress = Progress.start(stats, tracker);
        Optional<Path> report = GatlingRun.run(LoadSimulation.class, options.results(), "ganaka bench " + run);
        awaitQuiet();
        progress.stop();

        Delivery delivery = checkPostgres(users);
        sockets.forEach(LiveSocket::close);
        long closedEarly = sockets.stream().filter(s -> s.closed() && s.closeCode() != 1000).count();
        // Gatling spreads the arrivals over exactly the duration: the rates are per second of it.
        Report.load(System.out, options, options.durationSeconds(), stats, delivery, closedEarly);
        System.out.println("Gatling report: " + report.map(Path::toString).orElse("none written"));
        accounts.erase(users);
    }

    /**
     * Gatling returns once every request is answered; this waits for the pushes still due, until all came or nothing
     * moved for ten seconds.
     */
    private void awaitQuiet() throws InterruptedException {
        long lastChange = System.nanoTime();
        long last = -1;
        while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(10)) {
            long now = tracker.pushed();
            if (tracker.pushed() == tracker.accepted()) {
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
     * socket's pushes come from the dashboard cache, which may run ahead of the expenses sink, and an overloaded
     * pipeline may still be minutes behind: the count is taken again while ids are still missing, until they are all
     * there or the count has not moved for {@value #PROJECTION_WAIT_SECONDS} s.
     */
    private Delivery checkPostgres(List<BenchUsers.User> users) throws Exception {
        long stall = TimeUnit.SECONDS.toNanos(PROJECTION_WAIT_SECONDS);
        long deadline = System.nanoTime() + stall;
        Delivery delivery = countInPostgres(users);
        while (delivery.missingInPostgres() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            Delivery again = countInPostgres(users);
            if (again.inPostgres() != delivery.inPostgres()) {
                deadline = System.nanoTime() + stall; // still projecting: keep waiting
            }
            delivery = again;
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
