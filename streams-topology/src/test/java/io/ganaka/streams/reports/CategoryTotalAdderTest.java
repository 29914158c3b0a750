package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryTotalAdderTest {

    private final CategoryTotalAdder adder = new CategoryTotalAdder();
    private final CategoryKey food = new CategoryKey("u1", 2026, 3, "c1", "EUR");

    @Test
    void addsTheAmountAndCountsTheExpense() {
        RunningTotal total = adder.apply(food, ExpenseState.live("u1", "e1", 1, "EUR", 1234, 2026, 3, "c1"), new RunningTotal(100, 1));
        assertThat(total).isEqualTo(new RunningTotal(1334, 2));
    }

    @Test
    void startsFromZero() {
        RunningTotal total = adder.apply(food, ExpenseState.live("u1", "e1", 1, "EUR", 5, 2026, 3, "c1"), RunningTotal.zero());
        assertThat(total).isEqualTo(new RunningTotal(5, 1));
    }
}
