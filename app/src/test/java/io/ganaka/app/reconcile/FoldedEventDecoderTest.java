package io.ganaka.app.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ganaka.schemas.Event;
import io.ganaka.schemas.EventCodec;
import io.ganaka.schemas.EventPayload;
import io.ganaka.schemas.EventType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FoldedEventDecoderTest {

    private final FoldedEventDecoder decoder = new FoldedEventDecoder(EventStreamReader.FOLDED);

    @Test
    void decodesWhatEventCodecEncodesToTheSameEnvelopeAndPayload() throws Exception {
        Event added = Event.create(UUID.randomUUID().toString(), "c", new EventPayload.ExpenseAdded(
                UUID.randomUUID().toString(), 1, new BigDecimal("12.30"), "EUR", "Coffee", "Bar",
                Instant.parse("2026-03-15T12:00:00Z"), null, List.of("a"), null));
        Event deleted = Event.create(UUID.randomUUID().toString(), null, new EventPayload.UserDeleted("self"));

        for (Event event : List.of(added, deleted)) {
            Event decoded = decoder.decode(event.eventType(), EventCodec.encode(event));
            assertThat(decoded.id()).isEqualTo(event.id());
            assertThat(decoded.userId()).isEqualTo(event.userId());
            assertThat(decoded.occurredAt()).isEqualTo(event.occurredAt());
            assertThat(decoded.data()).isEqualTo(event.data());
        }
    }

    @Test
    void refusesMalformedJsonAndAnEnvelopeOfAnotherType() {
        Event deleted = Event.create(UUID.randomUUID().toString(), null, new EventPayload.UserDeleted("self"));

        assertThatThrownBy(() -> decoder.decode(EventType.EXPENSE_ADDED, EventCodec.encode(deleted)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> decoder.decode(EventType.USER_DELETED, "{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
