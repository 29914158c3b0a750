package io.ganaka.api.notifications;

import io.ganaka.api.Ids;
import io.ganaka.api.http.OpaqueCursor;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a user's notification history, newest first: the {@code (createdAt, id)} of the last notification of
 * a page, as opaque text ({@link OpaqueCursor}, tag {@code n1}, so that an expense cursor is no notification cursor).
 */
public record NotificationCursor(Instant createdAt, UUID id) {

    private static final String TAG = "n1";

    public String encode() {
        return OpaqueCursor.encode(TAG, createdAt, id);
    }

    /** The cursor a string encodes, or empty when it is not one this API issued (tampered, truncated, padded...). */
    public static Optional<NotificationCursor> decode(String text) {
        return OpaqueCursor.decode(TAG, 2, text).flatMap(fields -> {
            Optional<Instant> at = OpaqueCursor.instant(fields.get(0));
            Optional<UUID> id = Ids.parse(fields.get(1));
            if (at.isEmpty() || id.isEmpty()) {
                return Optional.empty();
            }
            NotificationCursor cursor = new NotificationCursor(at.get(), id.get());
            return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
        });
    }
}
