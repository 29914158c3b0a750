package io.ganaka.app.reconcile;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one reconciliation found. Counts of the whole run, each user's live expenses as the stream and the table
 * give them, and every {@link Difference}; {@link #clean()} when there is none.
 *
 * @param stream           the JetStream stream read
 * @param eventsRead       messages read from the stream
 * @param eventsSkipped    events the sinks reject as poison (undecodable, no amount, ...), which the expected state
 *                         leaves out
 * @param users            users compared
 * @param expensesExpected live expenses the stream calls for, over all users compared
 * @param expensesStored   live rows of {@code expenses}, over all users compared
 * @param dashboards       cached dashboards compared
 * @param perUser          each compared user's live expenses: expected (stream) and stored (table)
 * @param differences      every difference, grouped by user
 * @param took             how long the run took
 */
public record ReconcileReport(
        String stream,
        long eventsRead,
        long eventsSkipped,
        int users,
        long expensesExpected,
        long expensesStored,
        int dashboards,
        SortedMap<UUID, UserTotals> perUser,
        List<Difference> differences,
        Duration took) {

    /** One user's live expenses on both sides. */
    public record UserTotals(ExpenseTotals expected, ExpenseTotals stored) {}

    public ReconcileReport {
        perUser = Collections.unmodifiableSortedMap(new TreeMap<>(perUser));
        differences = List.copyOf(differences);
    }

    public boolean clean() {
        return differences.isEmpty();
    }

    /** The differences of one kind. */
    public List<Difference> differences(Difference.Kind kind) {
        return differences.stream().filter(d -> d.kind() == kind).toList();
    }

    /** The differences of one user. */
    public List<Difference> differencesOf(UUID user) {
        return differences.stream().filter(d -> user.equals(d.userId())).toList();
    }

    /** The report for people: the counts, then each difference under its user with that user's totals. */
    public void print(PrintStream out) {
        out.printf("Reconciled stream %s with Postgres and Redis in %.1f s%n", stream, took.toMillis() / 1000.0);
        out.printf("  events read %d (%d skipped as poison); users %d; live expenses expected %d, stored %d;"
                + " dashboards compared %d%n", eventsRead, eventsSkipped, users, expensesExpected, expensesStored,
                dashboards);
        if (clean()) {
            out.println("  no differences: clean");
            return;
        }
        out.printf("  %d difference%s%n", differences.size(), differences.size() == 1 ? "" : "s");
        Map<UUID, List<Difference>> byUser = new TreeMap<>();
        List<Difference> global = new ArrayList<>();
        for (Difference d : differences) {
            if (d.userId() == null) {
                global.add(d);
            } else {
                byUser.computeIfAbsent(d.userId(), u -> new ArrayList<>()).add(d);
            }
        }
        for (Difference d : global) {
            out.println("  " + d.kind() + ": " + d.detail());
        }
        byUser.forEach((user, list) -> {
            out.println("  user " + user);
            UserTotals totals = perUser.get(user);
            if (totals != null) {
                out.println("    stream: " + totals.expected());
                out.println("    table:  " + totals.stored());
            }
            for (Difference d : list) {
                out.println("    " + d.kind() + ": " + d.detail());
            }
        });
    }
}
