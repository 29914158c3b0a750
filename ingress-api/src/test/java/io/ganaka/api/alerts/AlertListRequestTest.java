package io.ganaka.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.api.errors.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertListRequestTest {

    @Test
    void defaultsToTwentyFromTheStart() {
        AlertListRequest request = AlertListRequest.parse(Map.of());
        assertThat(request.limit()).isEqualTo(20);
        assertThat(request.after()).isNull();
    }

    @Test
    void readsTheCursorItIssued() {
        AlertCursor cursor = new AlertCursor(true, Instant.parse("2026-03-15T12:00:00.123456Z"), UUID.randomUUID());
        AlertListRequest request = AlertListRequest.parse(Map.of("cursor", List.of(cursor.encode()),
                "limit", List.of("5")));
        assertThat(request.after()).isEqualTo(cursor);
        assertThat(request.limit()).isEqualTo(5);
    }

    @Test
    void refusesATamperedCursorABadLimitAndUnknownParameters() {
        String cursor = new AlertCursor(false, Instant.parse("2026-03-15T12:00:00Z"), UUID.randomUUID()).encode();
        String tampered = (cursor.charAt(5) == 'A' ? "B" : "A");
        tampered = cursor.substring(0, 5) + tampered + cursor.substring(6);
        for (Map<String, List<String>> query : List.of(Map.of("cursor", List.of(tampered)),
                Map.of("limit", List.of("0")), Map.of("limit", List.of("101")), Map.of("limit", List.of("ten")),
                Map.of("status", List.of("open")))) {
            assertThatThrownBy(() -> AlertListRequest.parse(query)).as(query.toString())
                    .isInstanceOf(ValidationException.class);
        }
    }
}
