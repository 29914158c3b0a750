package io.ganaka.app.reconcile;

import io.ganaka.app.GanakaConfig;
import io.ganaka.schemas.Naming;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/**
 * Checks that every projection agrees with the accepted events. It reads the whole JetStream event stream, folds the
 * expense events per user into the state the sinks must reach ({@link AcceptedExpenses}), and compares: that state
 * with the {@code expenses} table (per expense, and per user as count, sums per currency and an order-independent
 * digest); the summary tables with their recomputation from {@code expenses}; each cached Redis dashboard with what
 * Postgres holds for its month. The comparison is of one moment: on a system still projecting, recent events show
 * as differences until the sinks catch up.
 */
public final class Reconciler {

    private final GanakaConfig config;

    /** Reads the same configuration as the roles: DATABASE_URL, NATS_URL, REDIS_URL and GANAKA_PREFIX. */
    public Reconciler(GanakaConfig config) {
        this.config = config;
    }

    /** Reconciles every user: those the stream names and those Postgres holds anything of. */
    public ReconcileReport run() throws IOException, JetStreamApiException, SQLException, InterruptedException {
        return reconcile(Optional.empty());
    }

    /** Reconciles only these users (for a database shared with other deployments, or to look at one user). */
    public ReconcileReport run(Set<UUID> users)
            throws IOException, JetStreamApiException, SQLException, InterruptedException {
        return reconcile(Optional.of(Set.copyOf(users)));
    }

    @SuppressWarnings("try") // jnats' Connection.close() may throw InterruptedException, which is passed on
    private ReconcileReport reconcile(Optional<Set<UUID>> only)
            throws IOException, JetStreamApiException, SQLException, InterruptedException {
        long started = System.nanoTime();
        Naming naming = config.naming();
        AcceptedExpenses accepted = new AcceptedExpenses();
        EventStreamReader.Result stream;
        try (io.nats.client.Connection nats = Nats.connect(natsOptions())) {
            stream = EventStreamReader.read(nats, naming, event -> {
                if (only.isEmpty() || only.get().contains(uuidOrNull(event.userId()))) {
                    accepted.apply(event);
                }
            });
        }
        List<Difference> differences = new ArrayList<>();
        if (stream.firstSequence() > 1) {
            differences.add(new Difference(Difference.Kind.STREAM_INCOMPLETE, null, "stream " + naming.streamName()
                    + " starts at sequence " + stream.firstSequence() + ": earlier events are gone, so the expected"
                    + " state may lack them"));
        }
        SortedMap<UUID, ReconcileReport.UserTotals> perUser = new TreeMap<>();
        long expected = 0;
        long stored = 0;
        int dashboards;
        try (Connection db = DriverManager.getConnection(config.jdbcUrl());
             RedisClient redis = RedisClient.create(URI.create(config.redisUrl()))) {
            ProjectionReader reader = new ProjectionReader(db, only);
            Map<UUID, String> accounts = reader.accounts();
            Map<UUID, Map<UUID, StoredExpense>> rows = reader.expenses();
            Map<UUID, Map<String, Aggregate>> monthly = reader.monthly();
            Map<UUID, Map<String, Aggregate>> category = reader.category();
            Map<UUID, Map<String, Aggregate>> allTime = reader.allTime();
            TreeSet<UUID> users = new TreeSet<>();
            if (only.isPresent()) {
                users.addAll(only.get());
            } else {
                users.addAll(accepted.users());
                users.addAll(accounts.keySet());
                users.addAll(rows.keySet());
                users.addAll(monthly.keySet());
                users.addAll(category.keySet());
                users.addAll(allTime.keySet());
            }
            for (UUID user : users) {
                boolean hasAccount = accounts.containsKey(user);
                differences.addAll(accountDifferences(user, accepted, hasAccount));
                // Without an account the sinks project nothing, whatever the stream holds.
                Map<UUID, ExpectedExpense> want = hasAccount ? accepted.of(user) : Map.of();
                Map<UUID, StoredExpense> have = rows.getOrDefault(user, Map.of());
                differences.addAll(Comparisons.expenses(user, want, have));
                ReconcileReport.UserTotals totals = new ReconcileReport.UserTotals(Comparisons.expectedTotals(want),
                        Comparisons.storedTotals(have));
                perUser.put(user, totals);
                expected += totals.expected().count();
                stored += totals.stored().count();
                SummaryRecomputation recomputed = SummaryRecomputation.of(have.values(), id -> {
                    ExpectedExpense e = want.get(id);
                    return e != null && e.dataVersion() > 0 ? e.zone() : accounts.get(user);
                });
                differences.addAll(Comparisons.summaries(Difference.Kind.MONTHLY_SUMMARY, user,
                        monthly.getOrDefault(user, Map.of()), recomputed.monthly()));
                differences.addAll(Comparisons.summaries(Difference.Kind.CATEGORY_SUMMARY, user,
                        category.getOrDefault(user, Map.of()), recomputed.category()));
                differences.addAll(Comparisons.summaries(Difference.Kind.USER_SUMMARY, user,
                        allTime.getOrDefault(user, Map.of()), recomputed.allTime()));
            }
            Map<UUID, String> cached = new DashboardCheck(redis, naming).cached(users);
            dashboards = cached.size();
            for (Map.Entry<UUID, String> dashboard : cached.entrySet()) {
                differences.addAll(DashboardCheck.compare(db, dashboard.getKey(), dashboard.getValue(),
                        accounts.containsKey(dashboard.getKey())));
            }
            db.rollback(); // read only: end the transaction the cursors needed
        }
        return new ReconcileReport(naming.streamName(), stream.read(), stream.undecodable() + accepted.skipped(),
                perUser.size(), expected, stored, dashboards, perUser, sortByUser(differences),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static List<Difference> accountDifferences(UUID user, AcceptedExpenses accepted, boolean hasAccount) {
        if (accepted.erased(user)) {
            return hasAccount ? List.of(new Difference(Difference.Kind.ACCOUNT_NOT_ERASED, user,
                    "the stream erased the user (user.deleted) but the account is still in users")) : List.of();
        }
        if (!hasAccount && (accepted.registered(user) || accepted.hasExpenses(user))) {
            return List.of(new Difference(Difference.Kind.ACCOUNT_MISSING, user, "the stream "
                    + (accepted.registered(user) ? "registered the user" : "holds expense events of the user")
                    + " but there is no account (and no user.deleted), so nothing of theirs is projected"));
        }
        return List.of();
    }

    /** Global differences first, then by user, each user's in the order found. */
    private static List<Difference> sortByUser(List<Difference> differences) {
        Map<UUID, List<Difference>> byUser = new HashMap<>();
        List<Difference> sorted = new ArrayList<>();
        for (Difference d : differences) {
            if (d.userId() == null) {
                sorted.add(d);
            } else {
                byUser.computeIfAbsent(d.userId(), u -> new ArrayList<>()).add(d);
            }
        }
        new TreeMap<>(byUser).values().forEach(sorted::addAll);
        return sorted;
    }

    /** A one-shot reader: fail at once when NATS is not there rather than reconnecting forever. */
    private Options natsOptions() {
        return new Options.Builder()
                .server(config.natsUrl())
                .connectionName("ganaka-reconcile")
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(0)
                .build();
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
