package io.ganaka.api.alerts;

import io.ganaka.api.Ids;
import io.ganaka.api.http.OpaqueCursor;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a user's alert list (open first, then newest first): whether the last alert of a page was dismissed,
 * when it was raised, and its id, as opaque text ({@link OpaqueCursor}, tag {@code a1}); anything else is refused.
 */
record AlertCursor(boolean dismissed, Instant raisedAt, UUID id) {

    private static final String TAG = "a1";

    String encode() {
        return OpaqueCursor.encode(TAG, dismissed ? "d" : "o", raisedAt, id);
    }

    static Optional<AlertCursor> decode(String text) {
        return OpaqueCursor.decode(TAG, 3, text).flatMap(fields -> {
            Optional<Instant> at = OpaqueCursor.instant(fields.get(1));
            Optional<UUID> id = Ids.parse(fields.get(2));
            if ((!fields.get(0).equals("d") && !fields.get(0).equals("o")) || at.isEmpty() || id.isEmpty()) {
                return Optional.empty();
            }
            AlertCursor cursor = new AlertCursor(fields.get(0).equals("d"), at.get(), id.get());
            return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
        });
    }
}
