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
        int limit = limit(parameters);
        ExpenseCursor after = cursor(parameters);
        parameters.throwIfInvalid();
        return new ExpenseListRequest(filter, limit, after);
    }

    private static int limit(QueryParameters parameters) {
        String value = parameters.single("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        // Digits only, and few of them: Integer.parseInt would take "+5" and overflow is its own error.
        int limit = value.matches("\\d{1,3}") ? Integer.parseInt(value) : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            parameters.reject("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static ExpenseCursor cursor(QueryParameters parameters) {
        String value = parameters.single("cursor");
        if (value == null) {
            return null;
        }
        return ExpenseCursor.decode(value).orElseGet(() -> parameters.reject("cursor",
                "is not a cursor of this list; pass nextCursor from the previous page unchanged"));
    }

    private static Set<String> parameters() {
        Set<String> names = new HashSet<>(ExpenseFilter.PARAMETERS);
        names.add("limit");
        names.add("cursor");
        return Set.copyOf(names);
    }
}
