package io.ganaka.streams.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveExpenseChangeTest {

    private final ExpenseState v1 = ExpenseState.live("u1", "e1", 1, "EUR", 500, 2026, 3, null);
    private final ExpenseState v2 = ExpenseState.live("u1", "e1", 2, "EUR", 700, 2026, 4, null);
    private final ExpenseState gone = ExpenseState.deleted("u1", "e1", 3);

    @Test
    void anAddEntersWithNothingBefore() {
        assertThat(LiveExpenseChange.between(ExpenseState.unknown(), v1)).isEqualTo(new LiveExpenseChange(null, v1));
    }

    @Test
    void anUpdateCarriesBothStates() {
        assertThat(LiveExpenseChange.between(v1, v2)).isEqualTo(new LiveExpenseChange(v1, v2));
    }

    @Test
    void aDeleteLeavesWithNothingAfter() {
        assertThat(LiveExpenseChange.between(v2, gone)).isEqualTo(new LiveExpenseChange(v2, null));
    }

    @Test
    void anExpenseLiveInNeitherStateIsNoChange() {
        assertThat(LiveExpenseChange.between(ExpenseState.unknown(), gone)).isNull();
    }
}
