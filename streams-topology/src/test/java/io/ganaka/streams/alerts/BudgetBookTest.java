package io.ganaka.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.schemas.EventPayload.BudgetChanged;
import io.ganaka.schemas.EventPayload.BudgetItem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetBookTest {

    private static BudgetItem item(String categoryId, String currency, String amount) {
        return new BudgetItem(categoryId, currency, new BigDecimal(amount));
    }

    @Test
    void aMonthWithItemsOfItsOwnIgnoresTheDefault() {
        BudgetBook book = BudgetBook.EMPTY
                .with(new BudgetChanged(null, null, List.of(item("c", "EUR", "100"), item("d", "EUR", "50"))))
                .with(new BudgetChanged(2026, 3, List.of(item("c", "EUR", "300"))));

        assertThat(book.limit(2026, 3, "c", "EUR")).hasValue(new BigDecimal("300"));
        assertThat(book.limit(2026, 3, "d", "EUR")).isEmpty();
        assertThat(book.limit(2026, 4, "d", "EUR")).hasValue(new BigDecimal("50"));
    }

    @Test
    void emptyItemsHandAMonthBackToTheDefault() {
        BudgetBook book = BudgetBook.EMPTY
                .with(new BudgetChanged(null, null, List.of(item("c", "EUR", "100"))))
                .with(new BudgetChanged(2026, 3, List.of(item("c", "EUR", "300"))))
                .with(new BudgetChanged(2026, 3, List.of()));

        assertThat(book.limit(2026, 3, "c", "EUR")).hasValue(new BigDecimal("100"));
    }

    @Test
    void aNullCategoryMeansAllSpendingAndCurrenciesAreKeptApart() {
        BudgetBook book = BudgetBook.EMPTY.with(new BudgetChanged(2026, 3, List.of(item(null, "EUR", "1000"))));

        assertThat(book.limit(2026, 3, null, "EUR")).hasValue(new BigDecimal("1000"));
        assertThat(book.limit(2026, 3, null, "USD")).isEmpty();
        assertThat(book.limit(2026, 3, "c", "EUR")).isEmpty();
    }
}
