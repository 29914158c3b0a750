package io.ganaka.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpaqueCursorTest {

    @Test
    void decodesTheFieldsItEncodedUnderTheSameTag() {
        String text = OpaqueCursor.encode("x1", "o", "2026-03-01T00:00:00Z", 42);

        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(OpaqueCursor.decode("x1", 3, text)).contains(List.of("o", "2026-03-01T00:00:00Z", "42"));
    }

    @Test
    void refusesAnotherTagAnotherFieldCountAndAnyChangedCharacter() {
        String text = OpaqueCursor.encode("x1", "a", "b");
        char last = text.charAt(text.length() - 2);
        String changed = text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A') + text.charAt(text.length() - 1);

        assertThat(OpaqueCursor.decode("y1", 2, text)).isEmpty();
        assertThat(OpaqueCursor.decode("x1", 3, text)).isEmpty();
        assertThat(OpaqueCursor.decode("x1", 2, changed)).isEmpty();
        assertThat(OpaqueCursor.decode("x1", 2, text + "A")).isEmpty();
        assertThat(OpaqueCursor.decode("x1", 2, "not a cursor")).isEmpty();
        assertThat(OpaqueCursor.decode("x1", 2, null)).isEmpty();
    }

    @Test
    void readsInstantsAndRefusesWhatIsNone() {
        assertThat(OpaqueCursor.instant("2026-03-01T00:00:00Z")).isPresent();
        assertThat(OpaqueCursor.instant("yesterday")).isEmpty();
    }
}
