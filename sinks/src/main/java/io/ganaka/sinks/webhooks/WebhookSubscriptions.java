package io.ganaka.sinks.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which active webhooks want which events: for a whole batch of (user, event type) pairs, one query. Served by the
 * webhooks primary key (user_id first); a user has at most ten webhooks, so the type match is a short scan.
 */
public final class WebhookSubscriptions {

    /** One user's interest in one event type, e.g. (ada, {@code expense.added}). */
    public record Key(UUID userId, String eventType) {}

    private static final String LOOKUP = "SELECT k.user_id, k.event_type, w.id, w.url, w.secret"
            + " FROM (SELECT DISTINCT user_id, event_type FROM unnest(?::uuid[], ?::text[]) AS u (user_id, event_type))"
            + " k JOIN webhooks w ON w.user_id = k.user_id AND w.active AND k.event_type = ANY (w.event_types)"
            + " ORDER BY k.user_id, k.event_type, w.created_at, w.id";

    private final DataSource db;

    public WebhookSubscriptions(DataSource db) {
        this.db = db;
    }

    /** {@link #activeFor(Connection, Collection)} on a connection of its own. */
    public Map<Key, List<WebhookSubscriber>> activeFor(Collection<Key> keys) throws SQLException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        try (Connection c = db.getConnection()) {
            return activeFor(c, keys);
        }
    }

    /**
     * The active webhooks subscribed to each key's event type, oldest first; every key asked for is in the answer,
     * with an empty list when nobody subscribed (or the user has no account any more).
     */
    public static Map<Key, List<WebhookSubscriber>> activeFor(Connection c, Collection<Key> keys)
            throws SQLException {
        Set<Key> wanted = new LinkedHashSet<>(keys);
        Map<Key, List<WebhookSubscriber>> subscribers = new LinkedHashMap<>();
        wanted.forEach(key -> subscribers.put(key, new ArrayList<>()));
        if (wanted.isEmpty()) {
            return subscribers;
        }
        try (PreparedStatement s = c.prepareStatement(LOOKUP)) {
            s.setArray(1, c.createArrayOf("uuid", wanted.stream().map(Key::userId).toArray()));
            s.setArray(2, c.createArrayOf("text", wanted.stream().map(Key::eventType).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID user = rs.getObject("user_id", UUID.class);
                    subscribers.get(new Key(user, rs.getString("event_type"))).add(new WebhookSubscriber(user,
                            rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("secret")));
                }
            }
        }
        subscribers.replaceAll((key, list) -> List.copyOf(list));
        return subscribers;
    }
}
