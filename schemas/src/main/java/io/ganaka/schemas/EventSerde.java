package io.ganaka.schemas;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for {@link Event}s; a malformed record surfaces as a {@link SerializationException}. */
public final class EventSerde implements Serde<Event> {

    @Override
    public Serializer<Event> serializer() {
        return (topic, event) -> event == null ? null : EventCodec.encode(event);
    }

    @Override
    public Deserializer<Event> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return EventCodec.decode(bytes);
            } catch (EventDecodingException e) {
                throw new SerializationException("bad event on " + topic + ": " + e.getMessage(), e);
            }
        };
    }
}
