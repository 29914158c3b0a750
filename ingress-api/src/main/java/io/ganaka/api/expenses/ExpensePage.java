package io.ganaka.api.expenses;

import java.util.List;

/** One page of a user's expenses, newest first; {@code nextCursor} is null on the last page. */
public record ExpensePage(List<ExpenseView> items, String nextCursor) {

    public ExpensePage {
        items = List.copyOf(items);
    }
}
