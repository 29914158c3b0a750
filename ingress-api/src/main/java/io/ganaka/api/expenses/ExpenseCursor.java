package io.ganaka.api.expenses;

import io.ganaka.api.Ids;
import io.ganaka.api.http.OpaqueCursor;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a user's expense list, newest first: the {@code (occurredAt, id)} of the last expense of a page, as
 * opaque text ({@link OpaqueCursor}, tag {@code v1}); anything that does not decode to exactly such a cursor is refused.
 */
public record ExpenseCursor(Instant occurredAt, UUID id) {

    private static final String TAG = "v1";

    public String encode() {
        return OpaqueCursor.encode(TAG, occurredAt, id);
    }

    /** The cursor a string encodes, or empty when it is not one this API issued (tampered, truncated, padded...). */
    public static Optional<ExpenseCursor> decode(String text) {
        return OpaqueCursor.decode(TAG, 2, text).flatMap(fields -> {
            Optional<Instant> at = OpaqueCursor.instant(fields.get(0));
            Optional<UUID> id = Ids.parse(fields.get(1));
            if (at.isEmpty() || id.isEmpty()) {
                return Optional.empty();
            }
            ExpenseCursor cursor = new ExpenseCursor(at.get(), id.get());
            return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
        });
    }
}
