package io.ganaka.sinks;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventDecodingException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decoding shared by the sinks that read {@link Event}s: a tombstone is no event, and a record that cannot be decoded
 * or names a malformed id is a {@link PoisonRecordException}.
 */
final class EventRecords {

    private EventRecords() {
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

    /** The value as a UUID; a malformed or missing one makes the record poison, naming the field. */
    static UUID uuid(String value, String field) throws PoisonRecordException {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException(field + " is not a UUID: " + value, e);
        }
    }
}
