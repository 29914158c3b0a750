package io.ganaka.streams.alerts;

import io.ganaka.schemas.EventPayload.BudgetChanged;
import io.ganaka.schemas.EventPayload.BudgetItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One user's budgets as {@code budget.changed} left them: items per month ({@code "2026-03"}) and the recurring
 * default ({@code "default"}), which applies to every month without items of its own.
 */
record BudgetBook(Map<String, List<BudgetItem>> periods) {

    static final BudgetBook EMPTY = new BudgetBook(Map.of());
    private static final String DEFAULT = "default";

    BudgetBook {
        periods = periods == null ? Map.of() : Map.copyOf(periods);
    }

    /** The book after {@code change}: its items replace that period's; no items leave the period to the default. */
    BudgetBook with(BudgetChanged change) {
        Map<String, List<BudgetItem>> next = new TreeMap<>(periods);
        String period = change.year() == null || change.month() == null ? DEFAULT : period(change.year(), change.month());
        if (change.items().isEmpty()) {
            next.remove(period);
        } else {
            next.put(period, change.items());
        }
        return new BudgetBook(next);
    }

    /** The limit for a category ({@code categoryId} null: all spending) and currency in that month, if any. */
    Optional<BigDecimal> limit(int year, int month, String categoryId, String currency) {
        List<BudgetItem> items = periods.getOrDefault(period(year, month), periods.getOrDefault(DEFAULT, List.of()));
        return items.stream()
                .filter(item -> Objects.equals(item.categoryId(), categoryId) && Objects.equals(item.currency(), currency))
                .map(BudgetItem::amount)
                .filter(amount -> amount != null && amount.signum() > 0)
                .findFirst();
    }

    static String period(int year, int month) {
        return String.format("%04d-%02d", year, month);
    }
}
