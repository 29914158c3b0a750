package io.ganaka.schemas;

import java.time.Instant;
import java.util.Objects;

/**
 * The envelope every event travels in. {@code id} is a UUIDv7: the JetStream {@code Nats-Msg-Id} and the dedupe key
 * everywhere; {@code userId} is the Kafka key, so one user's events stay in order.
 */
public record Event(
        String id,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String userId,
        String correlationId,
        EventPayload data) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(data, "data");
        if (!EventType.of(data).wireName().equals(type)) {
            throw new IllegalArgumentException("type " + type + " does not match payload " + data.getClass().getSimpleName());
        }
    }

    /** A new event with a fresh UUIDv7 id, stamped now. */
    public static Event create(String userId, String correlationId, EventPayload data) {
        return new Event(
                EventIds.newId(),
                EventType.of(data).wireName(),
                CURRENT_SCHEMA_VERSION,
                Instant.now(),
                userId,
                correlationId,
                data);
    }

    public EventType eventType() {
        return EventType.of(data);
    }
}
