package io.ganaka.api.alerts;

import io.ganaka.api.http.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /alerts?limit=&cursor=}: page size 1 to 100 (default 20) and the cursor of the previous page. */
public record AlertListRequest(int limit, AlertCursor after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    public static AlertListRequest parse(Map<String, List<String>> query) {
        QueryParameters parameters = QueryParameters.of(query, Set.of("limit", "cursor"));
        int limit = parameters.limit(DEFAULT_LIMIT, MAX_LIMIT);
        AlertCursor after = parameters.cursor(AlertCursor::decode);
        parameters.throwIfInvalid();
        return new AlertListRequest(limit, after);
    }
}
