package io.ganaka.sinks.notify;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into webhook notifications: one pending row per event and active webhook of its user subscribed to its
 * type, the webhook's id as recipient and the event's JSON as body. A batch costs one indexed query on
 * {@code webhooks} when none of its users has a matching webhook (the usual case for expense events), and one batched
 * insert more when some have. The unique index on {@code (user_id, source_event_id, recipient)} of webhook rows makes
 * a replay insert nothing new.
 */
public final class WebhookIntake {

    /**
     * A webhook receives the events that occurred after it was created (less this margin, for the clocks of the
     * machines involved), never older ones that a replay or a new consumer group reads again.
     */
    static final Duration CREATION_MARGIN = Duration.ofMinutes(1);

    /**
     * The active webhooks wanting each distinct (user, type) of the batch. Locks the users that have one
     * (FOR KEY SHARE, in id order) as every intake does, so that an erasure waits for this write and then removes it.
     */
    private static final String LOOKUP = "SELECT k.user_id, k.event_type, w.id, w.created_at"
            + " FROM (SELECT DISTINCT user_id, event_type FROM unnest(?::uuid[], ?::text[]) AS e (user_id, event_type))"
            + " k JOIN webhooks w ON w.user_id = k.user_id AND w.active AND k.event_type = ANY (w.event_types)"
            + " JOIN users u ON u.id = w.user_id"
            + " ORDER BY u.id, k.event_type, w.created_at, w.id FOR KEY SHARE OF u";

    /** A subscribed webhook as the intake needs it: which one, and since when. */
    record Hook(UUID webhookId, Instant createdAt) {}

    record Key(UUID userId, String eventType) {}

    private final Clock clock;
    private final String namespace;

    /** @param namespace the installation ({@code GANAKA_PREFIX}) whose dispatcher delivers the rows */
    public WebhookIntake(Clock clock, String namespace) {
        this.clock = clock;
        this.namespace = namespace;
    }

    /** The notification id of an event's delivery to one webhook: the same pair always gives the same id. */
    public static UUID notificationId(UUID userId, UUID sourceEventId, UUID webhookId) {
        return UUID.nameUUIDFromBytes(("notification:" + userId + ":" + sourceEventId + ":" + WebhookChannel.NAME + ":"
                + webhookId).getBytes(StandardCharsets.UTF_8));
    }

    /** The rows of a batch: one per event and subscribed webhook created before the event (less the margin). */
    static List<NotificationIntake.Row> rows(List<WebhookEvent> events, Map<Key, List<Hook>> hooks) {
        List<NotificationIntake.Row> rows = new ArrayList<>();
        for (WebhookEvent event : events) {
            for (Hook hook : hooks.getOrDefault(new Key(event.userId(), event.eventType()), List.of())) {
                if (hook.createdAt().minus(CREATION_MARGIN).isAfter(event.occurredAt())) {
                    continue; // the event is older than the webhook
                }
                rows.add(new NotificationIntake.Row(event.userId(),
                        notificationId(event.userId(), event.eventId(), hook.webhookId()), event.eventType(),
                        WebhookChannel.NAME, event.eventId(), event.eventType(), event.body(), null,
                        hook.webhookId().toString()));
            }
        }
        return rows;
    }

    public void write(Connection c, List<WebhookEvent> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        List<NotificationIntake.Row> rows = rows(batch, subscribed(c, batch));
        if (!rows.isEmpty()) {
            NotificationIntake.insert(c, rows, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), namespace);
        }
    }

    private static Map<Key, List<Hook>> subscribed(Connection c, List<WebhookEvent> batch) throws SQLException {
        Set<Key> keys = new LinkedHashSet<>();
        batch.forEach(e -> keys.add(new Key(e.userId(), e.eventType())));
        Map<Key, List<Hook>> hooks = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LOOKUP)) {
            s.setArray(1, c.createArrayOf("uuid", keys.stream().map(Key::userId).toArray()));
            s.setArray(2, c.createArrayOf("text", keys.stream().map(Key::eventType).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hooks.computeIfAbsent(new Key(rs.getObject(1, UUID.class), rs.getString(2)), k -> new ArrayList<>())
                            .add(new Hook(rs.getObject(3, UUID.class),
                                    rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return hooks;
    }
}
