package io.ganaka.schemas;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as Postgres keeps them. A {@code timestamptz} holds microseconds and rounds the nanoseconds of
 * {@link Instant#now()} to them, while what is built from events (a dashboard item) cuts them: the sinks cut before
 * they write, so that a row read back equals the item built from the same event.
 */
public final class StoredInstants {

    private StoredInstants() {}

    /** The instant cut to microseconds; null stays null. */
    public static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant cut to microseconds, at UTC, for a {@code timestamptz} parameter; null stays null. */
    public static OffsetDateTime utc(Instant at) {
        return at == null ? null : micros(at).atOffset(ZoneOffset.UTC);
    }
}
