package io.ganaka.api.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpenseCursorTest {

    private static final ExpenseCursor CURSOR = new ExpenseCursor(Instant.parse("2026-03-15T12:00:00.123456Z"),
            UUID.fromString("0190f1e2-3c4d-7e5f-8a9b-0c1d2e3f4a5b"));

    @Test
    void decodesWhatItEncodesToTheMicrosecond() {
        assertThat(ExpenseCursor.decode(CURSOR.encode())).contains(CURSOR);
        ExpenseCursor wholeSecond = new ExpenseCursor(Instant.parse("1970-01-01T00:00:00Z"), CURSOR.id());
        assertThat(ExpenseCursor.decode(wholeSecond.encode())).contains(wholeSecond);
    }

    @Test
    void isOpaqueUrlSafeText() {
        assertThat(CURSOR.encode()).matches("[A-Za-z0-9_-]+").doesNotContain(CURSOR.id().toString());
    }

    @Test
    void refusesACursorWithAnyCharacterChanged() {
        String cursor = CURSOR.encode();
        for (int i = 0; i < cursor.length(); i++) {
            char changed = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = cursor.substring(0, i) + changed + cursor.substring(i + 1);
            assertThat(ExpenseCursor.decode(tampered)).as(tampered).isEmpty();
        }
    }

    @Test
    void refusesTruncatedPaddedAndForeignText() {
        String cursor = CURSOR.encode();

        assertThat(ExpenseCursor.decode(cursor.substring(0, cursor.length() - 1))).isEmpty();
        assertThat(ExpenseCursor.decode(cursor + "=")).isEmpty();
        assertThat(ExpenseCursor.decode(cursor + "AAAA")).isEmpty();
        assertThat(ExpenseCursor.decode("")).isEmpty();
        assertThat(ExpenseCursor.decode(null)).isEmpty();
        assertThat(ExpenseCursor.decode("not a cursor!")).isEmpty();
        assertThat(ExpenseCursor.decode("x".repeat(500))).isEmpty();
        assertThat(ExpenseCursor.decode(encode("hello"))).isEmpty();
    }

    @Test
    void refusesWellFormedTextThatIsNoCursorOfOurs() {
        assertThat(ExpenseCursor.decode(withChecksum("v1|2026-03-15T12:00:00.123456Z|" + CURSOR.id())))
                .contains(CURSOR);
        assertThat(ExpenseCursor.decode(encode("v1|2026-03-15T12:00:00.123456Z|" + CURSOR.id() + "|00000000")))
                .isEmpty();
        assertThat(ExpenseCursor.decode(withChecksum("v2|2026-03-15T12:00:00Z|" + CURSOR.id()))).isEmpty();
        assertThat(ExpenseCursor.decode(withChecksum("v1|2026-13-15T12:00:00Z|" + CURSOR.id()))).isEmpty();
        assertThat(ExpenseCursor.decode(withChecksum("v1|2026-03-15T12:00:00Z|1-1-1-1-1"))).isEmpty();
        assertThat(ExpenseCursor.decode(withChecksum("v1|2026-03-15T12:00:00Z|" + CURSOR.id() + "|x"))).isEmpty();
        // The same position spelled differently from how we spell it.
        assertThat(ExpenseCursor.decode(withChecksum("v1|2026-03-15T12:00:00.000Z|" + CURSOR.id()))).isEmpty();
        String upperCaseId = CURSOR.id().toString().toUpperCase();
        assertThat(ExpenseCursor.decode(withChecksum("v1|2026-03-15T12:00:00Z|" + upperCaseId))).isEmpty();
    }

    /** A cursor's inner text with a correct checksum, so that only the part under test is wrong. */
    private static String withChecksum(String position) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(position.getBytes(StandardCharsets.UTF_8));
        return encode(position + "|" + String.format("%08x", crc.getValue()));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
