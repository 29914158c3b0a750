package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AmountStatsAdderTest {

    private final AmountStatsAdder<MonthKey> adder = new AmountStatsAdder<>();
    private final MonthKey march = new MonthKey("u1", 2026, 3, "EUR");

    @Test
    void startsFromZeroWithTheAmountAsMinAndMax() {
        AmountStats stats = adder.apply(march, expense(500), AmountStats.zero());

        assertThat(stats).isEqualTo(new AmountStats(500, 1, new TreeMap<>(Map.of(500L, 1L))));
        assertThat(stats.minMinor()).isEqualTo(500L);
        assertThat(stats.maxMinor()).isEqualTo(500L);
    }

    @Test
    void addsTheAmountCountsTheExpenseAndWidensTheExtremes() {
        AmountStats stats = adder.apply(march, expense(1234), adder.apply(march, expense(100), AmountStats.zero()));

        assertThat(stats.totalMinor()).isEqualTo(1334);
        assertThat(stats.count()).isEqualTo(2);
        assertThat(stats.minMinor()).isEqualTo(100L);
        assertThat(stats.maxMinor()).isEqualTo(1234L);
    }

    @Test
    void countsEqualAmountsSeparately() {
        AmountStats stats = adder.apply(march, expense(700), adder.apply(march, expense(700), AmountStats.zero()));

        assertThat(stats.amounts()).containsExactly(Map.entry(700L, 2L));
    }

    @Test
    void leavesTheHeldAggregateUnchanged() {
        AmountStats held = adder.apply(march, expense(100), AmountStats.zero());
        adder.apply(march, expense(200), held);

        assertThat(held.amounts()).containsExactly(Map.entry(100L, 1L));
    }

    private static ExpenseState expense(long amountMinor) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, null);
    }
}
