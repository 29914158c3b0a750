package io.ganaka.sinks.notify;

import io.ganaka.schemas.EventPayload;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns notification requests into {@code notifications} rows: for each request and each channel the user has on, one
 * rendered, pending row. {@code ON CONFLICT DO NOTHING} on the unique {@code (user_id, source_event_id, channel)} of
 * rows other than webhooks' makes a replay insert nothing new; a user without an account gets nothing.
 */
public final class NotificationIntake {

    static final String INSERT = """
            INSERT INTO notifications (user_id, id, kind, channel, source_event_id, subject, body, body_html,
                                       recipient, next_attempt_at, created_at, namespace)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final List<NotificationChannel> channels;
    private final NotificationTemplates templates;
    private final Clock clock;
    private final String namespace;

    /** @param namespace the installation ({@code GANAKA_PREFIX}) whose dispatcher delivers the rows */
    public NotificationIntake(List<NotificationChannel> channels, NotificationTemplates templates, Clock clock,
                              String namespace) {
        this.channels = List.copyOf(channels);
        this.templates = templates;
        this.clock = clock;
        this.namespace = namespace;
    }

    /** The notification's id: the same user, source event and channel always give the same id. */
    public static UUID notificationId(UUID userId, UUID sourceEventId, String channel) {
        return UUID.nameUUIDFromBytes(("notification:" + userId + ":" + sourceEventId + ":" + channel)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The rows a request makes for a user: one per channel the user has on. */
    List<Row> rows(NotificationRequest request, UserContact user, Map<UUID, String> categoryNames) {
        Map<String, Object> model = NotificationModels.model(request, user, categoryNames::get);
        return channels.stream().flatMap(channel -> channel.recipientFor(user).stream().map(recipient -> {
            NotificationTemplates.Rendered r = templates.render(request.kind(), channel.name(), model);
            return new Row(request.userId(), notificationId(request.userId(), request.sourceEventId(), channel.name()),
                    request.kind(), channel.name(), request.sourceEventId(), r.subject(), r.body(), r.bodyHtml(),
                    recipient);
        })).toList();
    }

    record Row(UUID userId, UUID id, String kind, String channel, UUID sourceEventId, String subject, String body,
               String bodyHtml, String recipient) {}

    public void write(Connection c, List<NotificationRequest> batch) throws SQLException {
        Map<UUID, UserContact> users = UserContacts.lock(c, batch.stream().map(NotificationRequest::userId).toList());
        Map<UUID, Map<UUID, String>> names = categoryNames(c, batch, users.keySet());
        List<Row> rows = new ArrayList<>();
        for (NotificationRequest request : batch) {
            UserContact user = users.get(request.userId());
            if (user != null) { // else the account is gone: nothing to notify
                rows.addAll(rows(request, user, names.getOrDefault(request.userId(), Map.of())));
            }
        }
        insert(c, rows, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), namespace);
    }

    /** Inserts pending rows due at once; rows that exist already (a replay) are left as they are. */
    static void insert(Connection c, List<Row> rows, OffsetDateTime now, String namespace) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Row row : rows) {
                int i = 0;
                insert.setObject(++i, row.userId());
                insert.setObject(++i, row.id());
                insert.setString(++i, row.kind());
                insert.setString(++i, row.channel());
                insert.setObject(++i, row.sourceEventId());
                insert.setString(++i, row.subject());
                insert.setString(++i, row.body());
                insert.setString(++i, row.bodyHtml());
                insert.setString(++i, row.recipient());
                insert.setObject(++i, now);
                insert.setObject(++i, now);
                insert.setString(++i, namespace);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The names of the categories the batch's alerts and summaries mention, per user. */
    private static Map<UUID, Map<UUID, String>> categoryNames(Connection c, List<NotificationRequest> batch,
                                                             Set<UUID> living) throws SQLException {
        Map<UUID, Set<UUID>> wanted = new HashMap<>();
        for (NotificationRequest request : batch) {
            if (living.contains(request.userId())) {
                categoryIds(request.data()).forEach(id ->
                        wanted.computeIfAbsent(request.userId(), u -> new HashSet<>()).add(id));
            }
        }
        Map<UUID, Map<UUID, String>> names = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name FROM categories WHERE user_id = ? AND id = ANY(?)")) {
            for (Map.Entry<UUID, Set<UUID>> e : wanted.entrySet()) {
                s.setObject(1, e.getKey());
                s.setArray(2, c.createArrayOf("uuid", e.getValue().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.computeIfAbsent(e.getKey(), u -> new HashMap<>())
                                .put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
        }
        return names;
    }

    private static Set<UUID> categoryIds(EventPayload data) {
        Set<UUID> ids = new HashSet<>();
        if (data instanceof EventPayload.AlertRaised alert) {
            uuid(alert.categoryId()).ifPresent(ids::add);
        } else if (data instanceof EventPayload.ReportUpdated report) {
            report.categories().forEach(line -> uuid(line.categoryId()).ifPresent(ids::add));
        }
        return ids;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
