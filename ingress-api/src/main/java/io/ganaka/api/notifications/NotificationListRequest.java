package io.ganaka.api.notifications;

import io.ganaka.api.http.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code GET /notifications}: optional {@code status} and {@code channel} filters, a page size and the
 * position after which the page starts (null for the first page). Every bad parameter is reported at once, by name.
 */
public record NotificationListRequest(String status, String channel, int limit, NotificationCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    static final Set<String> STATUSES = Set.of("pending", "sent", "failed", "skipped");
    static final Set<String> CHANNELS = Set.of("email", "sms", "in-app", "webhook");
    private static final Set<String> PARAMETERS = Set.of("status", "channel", "limit", "cursor");

    public static NotificationListRequest parse(Map<String, List<String>> query) {
        QueryParameters parameters = QueryParameters.of(query, PARAMETERS);
        String status = oneOf(parameters, "status", STATUSES);
        String channel = oneOf(parameters, "channel", CHANNELS);
        int limit = parameters.limit(DEFAULT_LIMIT, MAX_LIMIT);
        NotificationCursor after = parameters.cursor(NotificationCursor::decode);
        parameters.throwIfInvalid();
        return new NotificationListRequest(status, channel, limit, after);
    }

    private static String oneOf(QueryParameters parameters, String name, Set<String> allowed) {
        String value = parameters.single(name);
        if (value == null || allowed.contains(value)) {
            return value;
        }
        return parameters.reject(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }

}
