package io.ganaka.api.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The text of the list endpoints' keyset cursors: {@code <tag>|<field>|...|<crc32>} as unpadded base64url. The tag
 * tells the lists apart (an expense cursor is no notification cursor); the checksum makes any changed, dropped or added
 * character a refusal rather than another position. It is no signature, and needs none: a forged cursor can only name
 * a position in the caller's own list. Each cursor re-encodes what it decoded and accepts only the one spelling it
 * issues, which refuses changed padding bits and non-canonical values alike.
 */
public final class OpaqueCursor {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private OpaqueCursor() {}

    /** The cursor text of {@code fields} under {@code tag}; no field may contain {@code |}. */
    public static String encode(String tag, Object... fields) {
        StringBuilder position = new StringBuilder(tag);
        for (Object field : fields) {
            position.append('|').append(field);
        }
        String text = position.toString();
        return ENCODER.encodeToString((text + "|" + checksum(text)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code fieldCount} fields of a cursor issued under {@code tag}, or empty when {@code text} is not one
     * (another tag, another field count, a wrong checksum, not base64url, too long).
     */
    public static Optional<List<String>> decode(String tag, int fieldCount, String text) {
        if (text == null || !BASE64URL.matcher(text).matches()) {
            return Optional.empty();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A length no base64 text can have (one character too many or too few).
            return Optional.empty();
        }
        int last = plain.lastIndexOf('|');
        if (last < 0 || !checksum(plain.substring(0, last)).equals(plain.substring(last + 1))) {
            return Optional.empty();
        }
        List<String> parts = List.of(plain.substring(0, last).split("\\|", -1));
        if (parts.size() != fieldCount + 1 || !parts.get(0).equals(tag)) {
            return Optional.empty();
        }
        return Optional.of(parts.subList(1, parts.size()));
    }

    /** A field holding an instant, or empty when it holds none. */
    public static Optional<Instant> instant(String field) {
        try {
            return Optional.of(Instant.parse(field));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String checksum(String position) {
        CRC32 crc = new CRC32();
        crc.update(position.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
