package io.ganaka.api.alerts;

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
 * A position in a user's alert list (open first, then newest first): whether the last alert of a page was dismissed,
 * when it was raised, and its id. Opaque base64url text with a checksum, like the expense cursor; anything else is
 * refused.
 */
record AlertCursor(boolean dismissed, Instant raisedAt, UUID id) {

    private static final Pattern FORMAT =
            Pattern.compile("(a1\\|([od])\\|([0-9T:.Z-]{20,30})\\|([0-9a-f-]{36}))\\|([0-9a-f]{8})");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    String encode() {
        String position = "a1|" + (dismissed ? "d" : "o") + "|" + raisedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((position + "|" + checksum(position)).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<AlertCursor> decode(String text) {
        if (text == null || !BASE64URL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            Matcher m = FORMAT.matcher(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!m.matches() || !checksum(m.group(1)).equals(m.group(5))) {
                return Optional.empty();
            }
            Optional<UUID> id = Ids.parse(m.group(4));
            if (id.isEmpty()) {
                return Optional.empty();
            }
            AlertCursor cursor = new AlertCursor(m.group(2).equals("d"), Instant.parse(m.group(3)), id.get());
            return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // Not base64 of any length, or not an instant: not a cursor this API issued.
            return Optional.empty();
        }
    }

    private static String checksum(String position) {
        CRC32 crc = new CRC32();
        crc.update(position.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
