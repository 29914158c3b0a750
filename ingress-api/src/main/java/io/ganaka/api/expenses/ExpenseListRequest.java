package io.ganaka.api.expenses;

import io.ganaka.api.http.QueryParameters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /expenses}: a filter, a page size and the position after which the page starts (null for
 * the first page). {@link #parse} reports every bad parameter at once, each by its name.
 */
public record ExpenseListRequest(ExpenseFilter filter, int limit, ExpenseCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    public static final Set<String> PARAMETERS = parameters();

    public static ExpenseListRequest parse(Map<String, List<String>> query) {
        QueryParameters parameters = QueryParameters.of(query, PARAMETERS);
        ExpenseFilter filter = ExpenseFilter.parse(parameters);
        int limit = parameters.limit(DEFAULT_LIMIT, MAX_LIMIT);
        ExpenseCursor after = parameters.cursor(ExpenseCursor::decode);
        parameters.throwIfInvalid();
        return new ExpenseListRequest(filter, limit, after);
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(ExpenseFilter.PARAMETERS);
        names.add("limit");
        names.add("cursor");
        return Set.copyOf(names);
    }
}
