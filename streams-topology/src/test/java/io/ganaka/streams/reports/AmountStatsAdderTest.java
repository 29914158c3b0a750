package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountStatsAdderTest {

    private final AmountStatsAdder<MonthKey> adder = new AmountStatsAdder<>();
    private final MonthKey march = new MonthKey("u1", 2026, 3, "EUR");

    @Test
    void startsFromZeroWithTheAmountAndOneExpense() {
        AmountStats stats = adder.apply(march, expense(500), AmountStats.zero());

        assertThat(stats).isEqualTo(new AmountStats(500, 1));
    }

    @Test
    void addsTheAmountAndCountsEqualAmountsSeparately() {
        AmountStats stats = adder.apply(march, expense(700), adder.apply(march, expense(700), AmountStats.zero()));

        assertThat(stats).isEqualTo(new AmountStats(1400, 2));
    }

    @Test
    void leavesTheHeldAggregateUnchanged() {
        AmountStats held = adder.apply(march, expense(100), AmountStats.zero());
        adder.apply(march, expense(200), held);

        assertThat(held).isEqualTo(new AmountStats(100, 1));
    }

    private static ExpenseState expense(long amountMinor) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, null);
    }
}
