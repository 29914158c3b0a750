package io.ganaka.sinks;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventDecodingException;
import io.ganaka.schemas.EventPayload;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Decoding shared by the sinks that read {@link Event}s: a tombstone is no event, and a record that cannot be decoded
 * or names a malformed id is a {@link PoisonRecordException}.
 */
final class EventRecords {

    /** The Kafka header in which the bridge carries the event id (the JetStream {@code Nats-Msg-Id}). */
    static final String EVENT_ID_HEADER = "ganaka-event-id";

    private EventRecords() {
    }

    /** The event id the bridge put on the record, or empty when it has none (e.g. a topology's output). */
    static Optional<String> eventId(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(EVENT_ID_HEADER);
        return header == null || header.value() == null
                ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** The record's event, or empty for a tombstone (null value). */
    static Optional<Event> decode(ConsumerRecord<byte[], byte[]> record) throws PoisonRecordException {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.decode(record.value()));
        } catch (EventDecodingException e) {
            throw new PoisonRecordException("undecodable event: " + e.getMessage(), e);
        }
    }

    /**
     * The user an event of type {@code payload} is about, or empty for a tombstone or an event of another type; a
     * malformed user id makes the record poison.
     */
    static Optional<UUID> userOf(ConsumerRecord<byte[], byte[]> record, Class<? extends EventPayload> payload)
            throws PoisonRecordException {
        Optional<Event> event = decode(record);
        if (event.isEmpty() || !payload.isInstance(event.get().data())) {
            return Optional.empty();
        }
        return Optional.of(uuid(event.get().userId(), "userId"));
    }

    /** The value as a UUID; a malformed or missing one makes the record poison, naming the field. */
    static UUID uuid(String value, String field) throws PoisonRecordException {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException(field + " is not a UUID: " + value, e);
        }
    }
}
