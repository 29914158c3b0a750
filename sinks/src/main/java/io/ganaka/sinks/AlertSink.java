package io.ganaka.sinks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.Json;
import io.ganaka.schemas.Naming;
import io.ganaka.schemas.StoredInstants;
import io.ganaka.schemas.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Projects {@code alert.raised} events into {@code alerts}. The alert id is derived from the cause, so a replay
 * raises the same id and the insert does nothing: neither the stored data nor a dismissal changes. Alerts of users
 * whose account is gone are skipped.
 */
final class AlertSink implements Sink<AlertSink.Raised> {

    /** One raised alert with its ids checked. */
    record Raised(UUID userId, UUID alertId, EventPayload.AlertRaised alert, Instant raisedAt) {}

    static final String INSERT = """
            INSERT INTO alerts (user_id, alert_id, kind, data, raised_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (user_id, alert_id) DO NOTHING""";

    private final String topic;

    AlertSink(Naming naming) {
        this.topic = naming.topic(Topic.ALERTS);
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<Raised> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        Optional<Event> event = EventRecords.decode(record);
        if (event.isEmpty() || !(event.get().data() instanceof EventPayload.AlertRaised alert)) {
            return Optional.empty();
        }
        if (alert.kind() == null || alert.kind().isBlank()) {
            throw new PoisonRecordException("alert " + alert.alertId() + " has no kind");
        }
        return Optional.of(new Raised(EventRecords.uuid(event.get().userId(), "userId"),
                EventRecords.uuid(alert.alertId(), "alertId"), alert, event.get().occurredAt()));
    }

    @Override
    public void write(Connection connection, List<Raised> batch) throws SQLException {
        Map<List<UUID>, Raised> first = new LinkedHashMap<>();
        batch.forEach(r -> first.putIfAbsent(List.of(r.userId(), r.alertId()), r));
        Set<UUID> living = LivingUsers.lock(connection, first.values().stream().map(Raised::userId).toList());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Raised r : first.values()) {
                if (!living.contains(r.userId())) {
                    continue;
                }
                insert.setObject(1, r.userId());
                insert.setObject(2, r.alertId());
                insert.setString(3, r.alert().kind());
                insert.setObject(4, json(r.alert()), Types.OTHER);
                insert.setObject(5, StoredInstants.utc(r.raisedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String json(EventPayload.AlertRaised alert) {
        try {
            return Json.MAPPER.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert payload always serializes", e);
        }
    }
}
