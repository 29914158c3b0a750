package io.ganaka.sinks.notify;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventDecodingException;
import io.ganaka.sinks.PoisonRecordException;
import io.ganaka.sinks.Sink;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The intake of one input topic ({@code ganaka.alerts}, {@code ganaka.users} or {@code ganaka.reports.updates}): each
 * event that asks for a notification becomes a request, and a batch of them is written by {@link NotificationIntake}
 * in the runner's transaction, whose offsets are committed after the database commit.
 */
public final class NotificationIntakeSink implements Sink<NotificationRequest> {

    private final String name;
    private final String topic;
    private final NotificationIntake intake;

    public NotificationIntakeSink(String name, String topic, NotificationIntake intake) {
        this.name = name;
        this.topic = topic;
        this.intake = intake;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public Optional<NotificationRequest> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        if (record.value() == null) {
            return Optional.empty();
        }
        Event event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventDecodingException e) {
            throw new PoisonRecordException("undecodable event: " + e.getMessage(), e);
        }
        Optional<String> kind = NotificationRequest.kindOf(event);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotificationRequest(uuid(event.userId(), "userId"), uuid(event.id(), "id"), kind.get(),
                event.data(), event.occurredAt()));
    }

    private static UUID uuid(String value, String field) throws PoisonRecordException {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException(field + " is not a UUID: " + value, e);
        }
    }

    @Override
    public void write(Connection connection, List<NotificationRequest> batch) throws SQLException {
        intake.write(connection, batch);
    }
}
