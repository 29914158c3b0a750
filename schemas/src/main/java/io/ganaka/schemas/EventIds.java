package io.ganaka.schemas;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** UUIDv7 ids: time-ordered, so they index well and sort roughly by creation. */
public final class EventIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {}

    public static String newId() {
        return GENERATOR.generate().toString();
    }

    /**
     * The millisecond a UUIDv7 id was made, which it starts with (for the API's events, their {@code occurredAt} to
     * the millisecond; for imported rows, when their import started); empty for an id that is no UUIDv7.
     */
    public static Optional<Instant> createdAt(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        if (uuid.version() != 7) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(uuid.getMostSignificantBits() >>> 16));
    }
}
