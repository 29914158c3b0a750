package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryTotalSubtractorTest {

    private final CategoryTotalSubtractor subtractor = new CategoryTotalSubtractor();
    private final CategoryKey uncategorized = new CategoryKey("u1", 2026, 3, null, "EUR");

    @Test
    void removesTheAmountAndTheCount() {
        RunningTotal total = subtractor.apply(uncategorized, expense(1234), new RunningTotal(1334, 2));
        assertThat(total).isEqualTo(new RunningTotal(100, 1));
    }

    @Test
    void removingTheLastExpenseLeavesZeroNotNothing() {
        RunningTotal total = subtractor.apply(uncategorized, expense(1234), new RunningTotal(1234, 1));
        assertThat(total).isEqualTo(RunningTotal.zero());
    }

    private static ExpenseState expense(long amountMinor) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, null);
    }
}
