package io.ganaka.app.reconcile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/** The pure comparisons of one user's two sides; each returns every difference it finds, in a stable order. */
final class Comparisons {

    private Comparisons() {}

    /**
     * The stream's expected expenses against the {@code expenses} rows: missing and unexpected live expenses, version
     * and data mismatches, and the per-user totals (count, sums per currency, digest) when they differ.
     */
    static List<Difference> expenses(UUID user, Map<UUID, ExpectedExpense> expected,
                                     Map<UUID, StoredExpense> stored) {
        List<Difference> differences = new ArrayList<>();
        for (UUID id : new TreeSet<>(expected.keySet())) {
            ExpectedExpense e = expected.get(id);
            StoredExpense s = stored.get(id);
            if (e.live()) {
                if (s == null) {
                    differences.add(new Difference(Difference.Kind.MISSING_EXPENSE, user, "expense " + id + " v"
                            + e.version() + " (" + money(e) + ") is live in the stream but has no row"));
                } else if (!s.live()) {
                    differences.add(new Difference(Difference.Kind.MISSING_EXPENSE, user, "expense " + id + " v"
                            + e.version() + " (" + money(e) + ") is live in the stream but stored as deleted at v"
                            + s.version()));
                } else if (s.version() != e.version()) {
                    differences.add(new Difference(Difference.Kind.VERSION_MISMATCH, user, "expense " + id
                            + " is v" + e.version() + " in the stream, v" + s.version() + " in the table"));
                } else if (!sameData(e, s)) {
                    differences.add(new Difference(Difference.Kind.DATA_MISMATCH, user, "expense " + id + " v"
                            + e.version() + " is " + money(e) + " at " + e.occurredAt() + " in the stream, "
                            + money(s) + " at " + s.occurredAt() + " in the table"));
                }
            } else if (s != null && s.live()) {
                differences.add(new Difference(Difference.Kind.UNEXPECTED_EXPENSE, user, "expense " + id
                        + " was deleted at v" + e.version() + " in the stream but is live at v" + s.version()
                        + " in the table"));
            }
        }
        for (UUID id : new TreeSet<>(stored.keySet())) {
            StoredExpense s = stored.get(id);
            if (s.live() && !expected.containsKey(id)) {
                differences.add(new Difference(Difference.Kind.UNEXPECTED_EXPENSE, user, "expense " + id + " v"
                        + s.version() + " (" + money(s) + ") is in the table but no event of the stream added it"));
            }
        }
        ExpenseTotals want = expectedTotals(expected);
        ExpenseTotals have = storedTotals(stored);
        if (!want.equals(have)) {
            differences.add(new Difference(Difference.Kind.EXPENSE_TOTALS, user,
                    "stream: " + want + "; table: " + have));
        }
        return differences;
    }

    static ExpenseTotals expectedTotals(Map<UUID, ExpectedExpense> expected) {
        ExpenseTotals.Builder totals = new ExpenseTotals.Builder();
        expected.values().stream().filter(ExpectedExpense::live)
                .forEach(e -> totals.add(e.id(), e.version(), e.amount(), e.currency()));
        return totals.build();
    }

    static ExpenseTotals storedTotals(Map<UUID, StoredExpense> stored) {
        ExpenseTotals.Builder totals = new ExpenseTotals.Builder();
        stored.values().stream().filter(StoredExpense::live)
                .forEach(s -> totals.add(s.id(), s.version(), s.amount(), s.currency()));
        return totals.build();
    }

    /**
     * Summary rows against their recomputation, bucket by bucket. A reported row with count 0 is an emptied bucket:
     * it must have a total of 0, and then counts as absent.
     */
    static List<Difference> summaries(Difference.Kind kind, UUID user, Map<String, Aggregate> reported,
                                      Map<String, Aggregate> recomputed) {
        List<Difference> differences = new ArrayList<>();
        TreeSet<String> buckets = new TreeSet<>(reported.keySet());
        buckets.addAll(recomputed.keySet());
        for (String bucket : buckets) {
            Aggregate r = reported.get(bucket);
            Aggregate c = recomputed.get(bucket);
            if (r != null && r.count() == 0) {
                if (r.total().signum() != 0) {
                    differences.add(new Difference(kind, user, bucket + " is emptied (count 0) but reads " + r));
                    continue;
                }
                r = null;
            }
            if (!Objects.equals(r, c)) {
                differences.add(new Difference(kind, user, bucket + ": reported " + (r == null ? "nothing" : r)
                        + "; recomputed from expenses " + (c == null ? "nothing" : c)));
            }
        }
        return differences;
    }

    private static boolean sameData(ExpectedExpense e, StoredExpense s) {
        return s.amount() != null && e.amount().compareTo(s.amount()) == 0 && e.currency().equals(s.currency())
                && s.occurredAt() != null
                // Postgres keeps microseconds: a finer instant in the event is rounded, not changed.
                && Duration.between(e.occurredAt(), s.occurredAt()).abs().toNanos() < 1_000;
    }

    private static String money(ExpectedExpense e) {
        return e.amount().toPlainString() + " " + e.currency();
    }

    private static String money(StoredExpense s) {
        return (s.amount() == null ? "?" : s.amount().toPlainString()) + " " + s.currency();
    }
}
