package io.ganaka.api.budgets;

import io.ganaka.schemas.EventPayload.BudgetItem;
import java.util.List;

/**
 * The budgets of a period as {@code GET}/{@code PUT /budgets/…} answer them. {@code source} says where the items come
 * from: {@code month} (the month's own) or {@code default} (the recurring default, also for a month without its own
 * items). Year and month are null for the default itself.
 */
public record BudgetView(Integer year, Integer month, String source, List<BudgetItem> items) {

    public static final String MONTH = "month";
    public static final String DEFAULT = "default";

    public BudgetView {
        items = List.copyOf(items);
    }

    /**
     * What applies to a period: its own items when it has any, else the default's. The default period always answers
     * with its own items, even none.
     */
    public static BudgetView resolve(BudgetPeriod period, List<BudgetItem> own, List<BudgetItem> defaults) {
        if (period.isDefault()) {
            return new BudgetView(null, null, DEFAULT, own);
        }
        return own.isEmpty()
                ? new BudgetView(period.year(), period.month(), DEFAULT, defaults)
                : new BudgetView(period.year(), period.month(), MONTH, own);
    }
}
