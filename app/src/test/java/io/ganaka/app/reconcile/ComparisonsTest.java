package io.ganaka.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    private static final UUID USER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-03-31T22:30:00Z");

    @Test
    void equalSidesHaveNoDifference() {
        UUID id = UUID.randomUUID();
        assertThat(Comparisons.expenses(USER, Map.of(id, expected(id, 2, "10.00")), Map.of(id, stored(id, 2, "10.0"))))
                .isEmpty();
    }

    @Test
    void namesEachKindOfExpenseDifference() {
        UUID missing = UUID.randomUUID();
        UUID deletedInTable = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        UUID changed = UUID.randomUUID();
        UUID resurrected = UUID.randomUUID();
        UUID stray = UUID.randomUUID();
        Map<UUID, ExpectedExpense> expected = Map.of(missing, expected(missing, 1, "1.00"),
                deletedInTable, expected(deletedInTable, 1, "2.00"), older, expected(older, 3, "3.00"),
                changed, expected(changed, 1, "4.00"),
                resurrected, new ExpectedExpense(resurrected, 2, true, 1, new BigDecimal("5.00"), "EUR", AT, null));
        Map<UUID, StoredExpense> stored = Map.of(
                deletedInTable, new StoredExpense(deletedInTable, 2, true, null, null, null, null),
                older, stored(older, 2, "3.00"), changed, stored(changed, 1, "4.01"),
                resurrected, stored(resurrected, 1, "5.00"), stray, stored(stray, 1, "6.00"));

        List<Difference> differences = Comparisons.expenses(USER, expected, stored);

        assertThat(differences).extracting(Difference::kind).containsExactlyInAnyOrder(
                Difference.Kind.MISSING_EXPENSE, Difference.Kind.MISSING_EXPENSE, Difference.Kind.VERSION_MISMATCH,
                Difference.Kind.DATA_MISMATCH, Difference.Kind.UNEXPECTED_EXPENSE,
                Difference.Kind.UNEXPECTED_EXPENSE, Difference.Kind.EXPENSE_TOTALS);
        assertThat(differences).allMatch(d -> USER.equals(d.userId()));
        assertThat(differences).filteredOn(d -> d.kind() == Difference.Kind.DATA_MISMATCH).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains(changed.toString(), "4.00 EUR", "4.01 EUR"));
        assertThat(differences).filteredOn(d -> d.kind() == Difference.Kind.UNEXPECTED_EXPENSE)
                .extracting(Difference::detail).anySatisfy(d -> assertThat(d).contains(stray.toString()))
                .anySatisfy(d -> assertThat(d).contains(resurrected.toString()));
    }

    @Test
    void aTombstoneOnBothSidesIsNoDifference() {
        UUID id = UUID.randomUUID();
        assertThat(Comparisons.expenses(USER,
                Map.of(id, new ExpectedExpense(id, 2, true, 1, BigDecimal.ONE, "EUR", AT, null)),
                Map.of(id, new StoredExpense(id, 2, true, BigDecimal.ONE, "EUR", AT, null)))).isEmpty();
    }

    @Test
    void summariesCompareBucketByBucketAndAcceptEmptiedRowsAtZero() {
        Aggregate ten = new Aggregate(new BigDecimal("10"), 1, new BigDecimal("10"), new BigDecimal("10"));
        Map<String, Aggregate> recomputed = Map.of("2026-03 EUR", ten);

        assertThat(Comparisons.summaries(Difference.Kind.MONTHLY_SUMMARY, USER,
                Map.of("2026-03 EUR", new Aggregate(new BigDecimal("10.00"), 1, new BigDecimal("10.00"),
                        new BigDecimal("10.00")), "2026-02 EUR", Aggregate.EMPTY), recomputed)).isEmpty();
        assertThat(Comparisons.summaries(Difference.Kind.MONTHLY_SUMMARY, USER,
                Map.of("2026-03 EUR", ten.plus(BigDecimal.ONE)), recomputed)).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains("2026-03 EUR", "total 11.00", "total 10.00"));
        assertThat(Comparisons.summaries(Difference.Kind.MONTHLY_SUMMARY, USER,
                Map.of("2026-03 EUR", ten, "2026-02 EUR", new Aggregate(BigDecimal.ONE, 0, null, null)), recomputed))
                .singleElement().satisfies(d -> assertThat(d.detail()).contains("emptied"));
        assertThat(Comparisons.summaries(Difference.Kind.USER_SUMMARY, USER, Map.of(), recomputed))
                .singleElement().satisfies(d -> assertThat(d.detail()).contains("reported nothing"));
    }

    @Test
    void recomputesMonthsInTheZoneOfEachExpense() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        List<StoredExpense> rows = List.of(stored(early, 1, "1.00"), stored(late, 1, "2.00"),
                new StoredExpense(UUID.randomUUID(), 2, true, BigDecimal.TEN, "EUR", AT, null));

        SummaryRecomputation r = SummaryRecomputation.of(rows, id -> id.equals(early) ? "Asia/Kolkata" : "nowhere");

        // 22:30 UTC on 31 March is already April in Kolkata; an unknown zone counts in UTC.
        assertThat(r.monthly()).containsOnlyKeys("2026-04 EUR", "2026-03 EUR");
        assertThat(r.category()).containsOnlyKeys("2026-04 category uncategorized EUR",
                "2026-03 category uncategorized EUR");
        assertThat(r.allTime()).containsOnlyKeys("all-time EUR");
        assertThat(r.allTime().get("all-time EUR")).isEqualTo(new Aggregate(new BigDecimal("3"), 2,
                BigDecimal.ONE, new BigDecimal("2")));
    }

    private static ExpectedExpense expected(UUID id, long version, String amount) {
        return new ExpectedExpense(id, version, false, version, new BigDecimal(amount), "EUR", AT, "UTC");
    }

    private static StoredExpense stored(UUID id, long version, String amount) {
        return new StoredExpense(id, version, false, new BigDecimal(amount), "EUR", AT, null);
    }
}
