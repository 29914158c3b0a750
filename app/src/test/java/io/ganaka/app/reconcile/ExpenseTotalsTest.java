package io.ganaka.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpenseTotalsTest {

    private record Row(UUID id, long version, String amount, String currency) {}

    @Test
    void theDigestDoesNotDependOnOrder() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Row(UUID.randomUUID(), 1 + i % 3, (i + 1) + ".25", i % 2 == 0 ? "EUR" : "USD"));
        }
        ExpenseTotals first = totals(rows);
        Collections.shuffle(rows);
        assertThat(totals(rows)).isEqualTo(first);
    }

    @Test
    void aMissingExtraOrReVersionedExpenseChangesTheDigest() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String both = totals(List.of(new Row(a, 1, "1.00", "EUR"), new Row(b, 1, "1.00", "EUR"))).digest();

        assertThat(totals(List.of(new Row(a, 1, "1.00", "EUR"))).digest()).isNotEqualTo(both);
        assertThat(totals(List.of(new Row(a, 1, "1.00", "EUR"), new Row(b, 2, "1.00", "EUR"))).digest())
                .isNotEqualTo(both);
        assertThat(totals(List.of(new Row(a, 1, "1.00", "EUR"), new Row(b, 1, "1.00", "EUR"),
                new Row(UUID.randomUUID(), 1, "1.00", "EUR"))).digest()).isNotEqualTo(both);
    }

    @Test
    void sumsPerCurrencyWithoutMixingAndIgnoringTrailingZeros() {
        ExpenseTotals totals = totals(List.of(new Row(UUID.randomUUID(), 1, "12.3", "EUR"),
                new Row(UUID.randomUUID(), 1, "0.70", "EUR"), new Row(UUID.randomUUID(), 1, "5", "USD")));

        assertThat(totals.count()).isEqualTo(3);
        assertThat(totals.sums()).containsEntry("EUR", new BigDecimal("13.00")).containsEntry("USD",
                new BigDecimal("5.00"));
        assertThat(totals.toString()).isEqualTo("3 expenses, 13.00 EUR, 5.00 USD, digest " + totals.digest());
    }

    @Test
    void nothingHasAFixedDigest() {
        assertThat(ExpenseTotals.NONE.count()).isZero();
        assertThat(ExpenseTotals.NONE.digest()).isEqualTo("0".repeat(32));
    }

    private static ExpenseTotals totals(List<Row> rows) {
        ExpenseTotals.Builder builder = new ExpenseTotals.Builder();
        rows.forEach(r -> builder.add(r.id(), r.version(), new BigDecimal(r.amount()), r.currency()));
        return builder.build();
    }
}
