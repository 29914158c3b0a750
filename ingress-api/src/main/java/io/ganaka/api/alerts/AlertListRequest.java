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
        int limit = DEFAULT_LIMIT;
        String limitText = parameters.single("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1; // reported below with the range
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                parameters.reject("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        String cursorText = parameters.single("cursor");
        AlertCursor after = null;
        if (cursorText != null) {
            after = AlertCursor.decode(cursorText).orElse(null);
            if (after == null) {
                parameters.reject("cursor", "is not a cursor of this list");
            }
        }
        parameters.throwIfInvalid();
        return new AlertListRequest(limit, after);
    }
}
