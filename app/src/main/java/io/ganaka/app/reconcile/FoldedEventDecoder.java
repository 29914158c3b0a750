package io.ganaka.app.reconcile;

import com.fasterxml.jackson.databind.ObjectReader;
import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import io.ganaka.schemas.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Decodes the event types the reconciler folds in one data-binding pass, with the type already known from the
 * subject: about twice as fast as {@code EventCodec.decode} (a tree, then a second pass), which matters over a whole
 * stream. Only the envelope fields the fold needs are read; unknown fields are ignored, as everywhere.
 */
final class FoldedEventDecoder {

    /** The envelope with its payload bound to the subject's type. */
    record Envelope<T extends EventPayload>(String id, String type, Instant occurredAt, String userId, T data) {}

    private final Map<EventType, ObjectReader> readers = new EnumMap<>(EventType.class);

    FoldedEventDecoder(Set<EventType> types) {
        for (EventType type : types) {
            readers.put(type, Json.MAPPER.readerFor(Json.MAPPER.getTypeFactory()
                    .constructParametricType(Envelope.class, type.payloadType())));
        }
    }

    /** @throws IOException when the bytes are not an event of {@code type} */
    Event decode(EventType type, byte[] bytes) throws IOException {
        Envelope<?> envelope = readers.get(type).readValue(bytes);
        if (envelope == null || envelope.id() == null || envelope.occurredAt() == null || envelope.userId() == null
                || envelope.data() == null || !type.wireName().equals(envelope.type())) {
            throw new IOException("not a well-formed " + type.wireName() + " event");
        }
        return new Event(envelope.id(), envelope.type(), Event.CURRENT_SCHEMA_VERSION, envelope.occurredAt(),
                envelope.userId(), null, envelope.data());
    }
}
