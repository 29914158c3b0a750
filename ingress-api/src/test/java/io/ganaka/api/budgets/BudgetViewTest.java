package io.ganaka.api.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload.BudgetItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetViewTest {

    private static final BudgetPeriod MARCH = new BudgetPeriod(2026, 3);
    private static final List<BudgetItem> OWN = List.of(new BudgetItem(null, "EUR", new BigDecimal("900.00")));
    private static final List<BudgetItem> DEFAULTS = List.of(new BudgetItem(null, "EUR", new BigDecimal("1000.00")));

    @Test
    void aMonthWithItemsOfItsOwnAnswersThemAsMonth() {
        assertThat(BudgetView.resolve(MARCH, OWN, DEFAULTS)).isEqualTo(new BudgetView(2026, 3, "month", OWN));
    }

    @Test
    void aMonthWithoutItemsFallsBackToTheDefault() {
        assertThat(BudgetView.resolve(MARCH, List.of(), DEFAULTS))
                .isEqualTo(new BudgetView(2026, 3, "default", DEFAULTS));
        assertThat(BudgetView.resolve(MARCH, List.of(), List.of()))
                .isEqualTo(new BudgetView(2026, 3, "default", List.of()));
    }

    @Test
    void theDefaultAnswersItsOwnItemsWithoutYearOrMonth() {
        assertThat(BudgetView.resolve(BudgetPeriod.DEFAULT, DEFAULTS, List.of()))
                .isEqualTo(new BudgetView(null, null, "default", DEFAULTS));
    }
}
