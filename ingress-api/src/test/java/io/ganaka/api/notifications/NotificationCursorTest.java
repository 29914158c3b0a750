package io.ganaka.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.ganaka.api.expenses.ExpenseCursor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationCursorTest {

    private static final NotificationCursor CURSOR =
            new NotificationCursor(Instant.parse("2026-03-15T12:00:00.123456Z"), UUID.randomUUID());

    @Test
    void aCursorDecodesToTheSamePosition() {
        assertThat(NotificationCursor.decode(CURSOR.encode())).contains(CURSOR);
    }

    @Test
    void anExpenseCursorIsNoNotificationCursor() {
        String expense = new ExpenseCursor(CURSOR.createdAt(), CURSOR.id()).encode();
        assertThat(NotificationCursor.decode(expense)).isEmpty();
    }

    @Test
    void aChangedCharacterIsRefused() {
        String text = CURSOR.encode();
        String changed = text.substring(0, 5) + (text.charAt(5) == 'A' ? 'B' : 'A') + text.substring(6);
        assertThat(NotificationCursor.decode(changed)).isEmpty();
        assertThat(NotificationCursor.decode("")).isEmpty();
        assertThat(NotificationCursor.decode(null)).isEmpty();
    }
}
