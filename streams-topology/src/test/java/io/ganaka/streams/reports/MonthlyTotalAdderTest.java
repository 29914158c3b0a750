package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonthlyTotalAdderTest {

    private final MonthlyTotalAdder adder = new MonthlyTotalAdder();
    private final MonthKey march = new MonthKey("u1", 2026, 3, "EUR");

    @Test
    void addsTheAmountAndCountsTheExpense() {
        RunningTotal total = adder.apply(march, ExpenseState.live("u1", "e1", 1, "EUR", 1234, 2026, 3), new RunningTotal(100, 1));
        assertThat(total).isEqualTo(new RunningTotal(1334, 2));
    }

    @Test
    void startsFromZero() {
        RunningTotal total = adder.apply(march, ExpenseState.live("u1", "e1", 1, "EUR", 5, 2026, 3), RunningTotal.zero());
        assertThat(total).isEqualTo(new RunningTotal(5, 1));
    }
}
