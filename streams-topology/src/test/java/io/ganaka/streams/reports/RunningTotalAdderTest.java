package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningTotalAdderTest {

    private final RunningTotalAdder<MonthKey> monthly = new RunningTotalAdder<>();
    private final RunningTotalAdder<CategoryKey> byCategory = new RunningTotalAdder<>();
    private final MonthKey march = new MonthKey("u1", 2026, 3, "EUR");
    private final CategoryKey food = new CategoryKey("u1", 2026, 3, "c1", "EUR");

    @Test
    void startsFromZeroWithTheAmountAndOneExpense() {
        assertThat(monthly.apply(march, expense(500, null), RunningTotal.zero())).isEqualTo(new RunningTotal(500, 1));
    }

    @Test
    void addsTheAmountAndCountsTheExpense() {
        RunningTotal total = byCategory.apply(food, expense(1234, "c1"), new RunningTotal(100, 1));
        assertThat(total).isEqualTo(new RunningTotal(1334, 2));
    }

    @Test
    void countsEqualAmountsSeparately() {
        RunningTotal total = monthly.apply(march, expense(700, null), monthly.apply(march, expense(700, null),
                RunningTotal.zero()));
        assertThat(total).isEqualTo(new RunningTotal(1400, 2));
    }

    @Test
    void leavesTheHeldAggregateUnchanged() {
        RunningTotal held = monthly.apply(march, expense(100, null), RunningTotal.zero());
        monthly.apply(march, expense(200, null), held);

        assertThat(held).isEqualTo(new RunningTotal(100, 1));
    }

    private static ExpenseState expense(long amountMinor, String categoryId) {
        return ExpenseState.live("u1", "e1", 1, "EUR", amountMinor, 2026, 3, categoryId);
    }
}
