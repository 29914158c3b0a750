package io.ganaka.api.notifications;

import io.ganaka.api.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A position in a user's notification history, newest first: the {@code (createdAt, id)} of the last notification of
 * a page. It travels as an opaque base64url string ({@code n1|<instant>|<id>|<crc32>} inside, so that an expense
 * cursor is no notification cursor); anything that does not decode to
 * exactly such a cursor is refused. The checksum makes any changed, dropped or added character a refusal rather than
 * another position; it is no signature, and needs none: a forged cursor can only name a position in the caller's
 * own list.
 */
public record NotificationCursor(Instant createdAt, UUID id) {

    private static final String VERSION = "n1";
    private static final Pattern FORMAT =
            Pattern.compile("(n1\\|([0-9T:.Z-]{20,30})\\|([0-9a-f-]{36}))\\|([0-9a-f]{8})");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public String encode() {
        String position = VERSION + "|" + createdAt + "|" + id;
        return ENCODER.encodeToString((position + "|" + checksum(position)).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a string encodes, or empty when it is not one this API issued (tampered, truncated, padded...). */
    public static Optional<NotificationCursor> decode(String text) {
        if (text == null || !BASE64URL.matcher(text).matches()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // A length no base64 text can have (one character too many or too few).
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(new String(bytes, StandardCharsets.UTF_8));
        if (!m.matches() || !checksum(m.group(1)).equals(m.group(4))) {
            return Optional.empty();
        }
        Optional<UUID> id = Ids.parse(m.group(3));
        Optional<Instant> at = instant(m.group(2));
        if (id.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        NotificationCursor cursor = new NotificationCursor(at.get(), id.get());
        // Only the one spelling we issue: rejects changed padding bits and non-canonical instants alike.
        return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
    }

    private static String checksum(String position) {
        CRC32 crc = new CRC32();
        crc.update(position.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
