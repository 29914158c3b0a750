package io.ganaka.api;

import static io.ganaka.api.BadInput.parsesOrRefuses;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ganaka.api.alerts.AlertListRequest;
import io.ganaka.api.expenses.ExpenseListRequest;
import io.ganaka.api.expenses.IfMatch;
import io.ganaka.api.notifications.NotificationListRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the query string parsers of the list routes (filters, limit, opaque cursors) and of
 * the {@code If-Match} header: parse or refuse with a 4xx exception ({@link BadInput}). See docs/fuzzing.md.
 */
class QueryParametersFuzzTest {

    // The names the list routes know, plus one they do not; the fuzzer chooses names from here and values freely.
    private static final String[] NAMES = {"from", "to", "categoryId", "minAmount", "maxAmount", "currency", "q",
        "limit", "cursor", "status", "channel", "unknown"};

    @FuzzTest(maxDuration = "60s")
    void listQueries(FuzzedDataProvider data) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        int parameters = data.consumeInt(0, 6);
        for (int i = 0; i < parameters; i++) {
            List<String> values = query.computeIfAbsent(data.pickValue(NAMES), name -> new ArrayList<>());
            values.add(data.consumeString(60));
        }
        parsesOrRefuses(() -> ExpenseListRequest.parse(query));
        parsesOrRefuses(() -> NotificationListRequest.parse(query));
        parsesOrRefuses(() -> AlertListRequest.parse(query));
        String header = data.consumeRemainingAsString();
        parsesOrRefuses(() -> IfMatch.parse(header));
    }
}
