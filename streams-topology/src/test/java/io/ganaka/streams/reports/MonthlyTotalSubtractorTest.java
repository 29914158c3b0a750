package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MonthlyTotalSubtractorTest {

    private final MonthlyTotalSubtractor subtractor = new MonthlyTotalSubtractor();
    private final MonthKey march = new MonthKey("u1", 2026, 3, "EUR");

    @Test
    void removesTheAmountAndTheCount() {
        RunningTotal total = subtractor.apply(march, ExpenseState.live("u1", "e1", 1, "EUR", 1234, 2026, 3), new RunningTotal(1334, 2));
        assertThat(total).isEqualTo(new RunningTotal(100, 1));
    }

    @Test
    void removingTheLastExpenseLeavesZeroNotNothing() {
        RunningTotal total = subtractor.apply(march, ExpenseState.live("u1", "e1", 1, "EUR", 1234, 2026, 3), new RunningTotal(1234, 1));
        assertThat(total).isEqualTo(RunningTotal.zero());
    }
}
